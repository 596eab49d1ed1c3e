package ticket_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestQueuePageAfterPlan: on SQLite a page after a place in the order (the "next"
// link's ?after=) starts at that place in the order's index instead of walking past
// the pages before it (BENCHMARKS.md, "List timings at 1,000,000 tickets"). Which
// plan SQLite picks for a big or a small status depends on a million tickets'
// statistics and is measured by BenchmarkTicketList, not here.
func TestQueuePageAfterPlan(t *testing.T) {
	d := testutil.Open(t, db.SQLite)
	ctx := context.Background()
	ten := scaled(t, d, 1200, 3)
	plan := func(f ticket.Filter) string {
		x := &testutil.Explainer{DB: d}
		if _, _, err := ticket.Queue(ctx, x, ten.ID, f); err != nil {
			t.Fatal(err)
		}
		return x.Plans.String()
	}
	f := ticket.Filter{Sort: "priority", State: "all"}
	first, _, err := ticket.Queue(ctx, d, ten.ID, f)
	if err != nil || len(first) == 0 {
		t.Fatal(len(first), err)
	}
	f.Page, f.After = 2, f.Cursor(first[len(first)-1])
	if p := plan(f); !strings.Contains(p, "(priority,updated_at)<(?,?)") {
		t.Errorf("page after %s: not started at its place in the order's index:\n%s", f.After, p)
	}
}
