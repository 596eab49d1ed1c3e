package demo_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDemoSLA: the demo tenant has targets for every priority, and its tickets show
// them: one is overdue, the open ones have a due time, the done ones met theirs.
func TestDemoSLA(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten := loadDemo(t, d)
		ts, err := ticket.SLATargets(ctx, d, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ticket.Priorities {
			if ts[p].FirstResponse == 0 || ts[p].Resolution == 0 {
				t.Errorf("priority %d has no target: %+v", p, ts[p])
			}
		}
		if n, err := ticket.CountOverdue(ctx, d, ten.ID, now); err != nil || n != 1 {
			t.Errorf("overdue demo tickets: %d %v, want 1", n, err)
		}
		open, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{Sort: ticket.SortDue})
		if err != nil || len(open) != 3 {
			t.Fatalf("open demo tickets with a due time: %d %v", len(open), err)
		}
		if !open[0].DueAt.Before(now) || !open[1].DueAt.After(now) {
			t.Errorf("due times: %v, %v", open[0].DueAt, open[1].DueAt)
		}
		done, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{State: "done"})
		if err != nil || len(done) == 0 {
			t.Fatalf("done demo tickets: %d %v", len(done), err)
		}
		for _, tk := range done {
			s, err := ticket.SLAOf(ctx, d, ten.ID, tk.ID)
			if err != nil {
				t.Fatal(err)
			}
			if s.FirstResponseState(now) != ticket.SLAMet || s.ResolutionState(now) != ticket.SLAMet {
				t.Errorf("done ticket %d: %+v", tk.ID, s)
			}
		}
	})
}
