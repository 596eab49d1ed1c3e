package demo_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDemoSLA: the demo tenant has targets for every priority in business hours, and
// its tickets show them whatever the day it is loaded on: one is overdue, the one
// waiting for the customer is paused, the other open one is due later, the done ones
// met theirs.
func TestDemoSLA(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		checkDemoSLA(t, d, loadDemo(t, d), time.Now())
	})
	// Loaded on a Monday before nine, on a Sunday, on Good Friday, at New Year. (Named
	// subtests: a "#" of a repeated name in the data directory cuts SQLite's file URI.)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for name, now := range map[string]time.Time{"monday": time.Date(2026, 11, 23, 8, 5, 0, 0, berlin),
		"sunday": time.Date(2026, 11, 22, 12, 0, 0, 0, berlin), "good-friday": time.Date(2026, 4, 3, 10, 0, 0, 0, berlin),
		"new-year": time.Date(2027, 1, 1, 0, 30, 0, 0, berlin)} {
		t.Run(name, func(t *testing.T) {
			testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
				d := testutil.Open(t, e)
				if _, err := demo.Load(context.Background(), d, now); err != nil {
					t.Fatal(err)
				}
				ten, err := tenant.Default(context.Background(), d)
				if err != nil {
					t.Fatal(err)
				}
				checkDemoSLA(t, d, ten, now)
			})
		})
	}
}

// checkDemoSLA checks the demo loaded at now.
func checkDemoSLA(t *testing.T, d *db.DB, ten tenant.Tenant, now time.Time) {
	t.Helper()
	ctx := context.Background()
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
	if err != nil || len(open) != 2 {
		t.Fatalf("open demo tickets with a due time: %d %v", len(open), err)
	}
	if !open[0].DueAt.Before(now) || !open[1].DueAt.After(now) {
		t.Errorf("due times: %v, %v", open[0].DueAt, open[1].DueAt)
	}
	cal, err := ticket.LoadSLACalendar(ctx, d, ten.ID)
	if err != nil || !cal.BusinessHours || !cal.PauseWaiting || cal.Week != ticket.OfficeWeek() || len(cal.Holidays) != 27 {
		t.Fatalf("demo calendar: %+v %v", cal, err)
	}
	// The holidays of the year before, the year and the year after.
	berlin, _ := time.LoadLocation("Europe/Berlin")
	y := now.In(berlin).Year()
	if first, last := cal.Holidays[0].Day, cal.Holidays[26].Day; first != fmt.Sprintf("%d-01-01", y-1) || last != fmt.Sprintf("%d-12-26", y+1) {
		t.Errorf("demo holidays from %s to %s, want the years %d to %d", first, last, y-1, y+1)
	}
	waiting, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{State: "open", Query: "Drucker"})
	if err != nil || len(waiting) != 1 || waiting[0].Status.Kind != ticket.KindWaiting {
		t.Fatalf("the printer ticket: %+v %v", waiting, err)
	}
	if s, err := ticket.SLAOf(ctx, d, ten.ID, waiting[0].ID); err != nil || s.ResolutionState(now) != ticket.SLAPaused {
		t.Errorf("the printer ticket is not paused: %+v %v", s, err)
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
}
