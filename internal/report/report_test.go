package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/report"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestCompute counts the seeded first half of March 2026 on both engines: every
// figure of the page, worked out by hand from the tickets in seedMarch.
func TestCompute(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.seedMarch()
		p, errs := report.ParsePeriod("2026-03-01", "2026-03-15", berlin)
		if errs.Any() {
			t.Fatal(errs)
		}
		defer func(n int) { *report.WalkFrom = n }(*report.WalkFrom)
		*report.WalkFrom = 3 // the first responses (4) are read and sorted in Go, the resolutions too
		f, err := report.Compute(context.Background(), h.env.DB, h.ten.ID, p, march(20, 12, 0))
		if err != nil {
			t.Fatal(err)
		}
		ints := func(name string, got, want int) {
			t.Helper()
			if got != want {
				t.Errorf("%s = %d, want %d", name, got, want)
			}
		}
		ints("opened", f.Opened, 7)     // T1 T2 T3 T4 T5 T6 T10
		ints("resolved", f.Resolved, 5) // T7 T1 T2 T3 T10
		ints("open now", f.OpenNow, 3)  // T4 T5 T6
		if f.Empty() {
			t.Error("the period is not empty")
		}
		wantBars := map[int]int{2: 1, 3: 1, 5: 1, 6: 1, 10: 1, 11: 1, 14: 1}
		if len(f.Buckets) != 15 || f.Period.Weekly() {
			t.Fatalf("%d bars, weekly %v; want 15 days", len(f.Buckets), f.Period.Weekly())
		}
		for i, b := range f.Buckets {
			if !b.Start.Equal(march(i+1, 0, 0)) || b.Opened != wantBars[i+1] {
				t.Errorf("bar %d: %s %d tickets, want %s %d", i, b.Start, b.Opened, march(i+1, 0, 0), wantBars[i+1])
			}
		}
		counts := func(name string, got []report.Count, want map[string]int) {
			t.Helper()
			for _, c := range got {
				key := c.Key
				if key == "" {
					key = c.Name
				}
				if c.Count != want[key] {
					t.Errorf("%s %q: %d, want %d", name, key, c.Count, want[key])
				}
				delete(want, key)
			}
			if len(want) > 0 {
				t.Errorf("%s: missing %v", name, want)
			}
		}
		counts("channel", f.ByChannel, map[string]int{"portal": 5, "email": 1, "staff": 1})
		counts("priority", f.ByPriority, map[string]int{"low": 1, "normal": 4, "high": 1, "urgent": 1})
		counts("category", f.ByCategory, map[string]int{"Hardware": 3, "Software": 2, "": 2})
		counts("company", f.Companies, map[string]int{"Acme AG": 4, "Beta KG": 3})
		if f.Companies[0].ID != h.acme.ID {
			t.Errorf("companies in order %v", f.Companies)
		}

		durations := func(name string, got report.Times, n int, median, p90 time.Duration) {
			t.Helper()
			if got.N != n || got.Median != median || got.P90 != p90 {
				t.Errorf("%s: n %d, median %s, p90 %s; want %d, %s, %s", name, got.N, got.Median, got.P90, n, median, p90)
			}
		}
		// First responses of the tickets opened: 30 min, 1 h, 4 h, 6 h; none of T3, which
		// staff opened themselves (nobody waited for an answer). The median is at rank
		// 1.5: 2.5 h; the 90th percentile at rank 2.7: 4 h + 0.7 × 2 h.
		durations("first response", f.FirstResponse, 4, 2*time.Hour+30*time.Minute, 5*time.Hour+24*time.Minute)
		// Resolutions in the period: 2 h (T10), 10 h, 24 h, 48 h (T7), 72 h (T3).
		durations("resolution", f.Resolution, 5, 24*time.Hour, 62*time.Hour+24*time.Minute)
		ints("first response met", f.FirstTarget.Met, 2)       // T1 T6; T3 staff opened: neither
		ints("first response missed", f.FirstTarget.Missed, 2) // T2 late, T5 unanswered past due
		ints("first response %", f.FirstTarget.Percent(), 50)
		ints("resolution met", f.ResolveTarget.Met, 2)       // T1 T10
		ints("resolution missed", f.ResolveTarget.Missed, 3) // T2 T3 T7
		ints("good ratings", f.Ratings.Good, 3)              // T7 T1 T3; T10's is after the period
		ints("bad ratings", f.Ratings.Bad, 1)                // T2
		ints("good %", f.Ratings.Percent(), 75)

		byStaff := map[int64]report.StaffFigures{}
		for _, s := range f.Staff {
			byStaff[s.ID] = s
		}
		if len(f.Staff) != 2 {
			t.Errorf("staff %v", f.Staff)
		}
		// Replies: the admin's on T1 and T2 (not the note on T5, not T8's after the
		// period); the agent opened T3 with a public message and answered T4 and T6.
		for m, want := range map[int64][2]int{h.admin.ID: {2, 2}, h.agent.ID: {2, 3}} {
			if s := byStaff[m]; s.Assigned != want[0] || s.Replies != want[1] {
				t.Errorf("staff %d: %d assigned, %d replies; want %v", m, s.Assigned, s.Replies, want)
			}
		}

		// The other tenant sees only its own ticket.
		g, err := report.Compute(context.Background(), h.env.DB, h.other.ID, p, march(20, 12, 0))
		if err != nil {
			t.Fatal(err)
		}
		if g.Opened != 1 || g.Resolved != 1 || g.Ratings.Bad != 1 || g.Ratings.Good != 0 || g.FirstResponse.N != 1 ||
			g.FirstResponse.Median != 10*time.Minute || len(g.Companies) != 1 || g.Companies[0].Name != "Foreign Ltd" {
			t.Errorf("other tenant: %+v", g)
		}

		// The export leaves the first response of the ticket staff opened empty and
		// gives the contacts' their own.
		responded := map[string]bool{}
		if err := report.Export(context.Background(), h.env.DB, h.ten.ID, p, func(r report.Row) error {
			responded[strings.Fields(r.Title)[0]] = !r.FirstResponse.IsZero()
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if want := map[string]bool{"T1": true, "T2": true, "T3": false, "T4": true, "T5": false, "T6": true, "T10": false}; len(responded) != 7 {
			t.Errorf("export: %v, want %v", responded, want)
		} else {
			for k, v := range want {
				if responded[k] != v {
					t.Errorf("export %s: first response %v, want %v", k, responded[k], v)
				}
			}
		}
	})
}

// TestComputeEmpty: a period without tickets has figures of zero, no durations and
// says it is empty.
func TestComputeEmpty(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.seedMarch()
		p, _ := report.ParsePeriod("2025-01-01", "2025-12-31", berlin)
		f, err := report.Compute(context.Background(), h.env.DB, h.ten.ID, p, march(20, 12, 0))
		if err != nil {
			t.Fatal(err)
		}
		if !f.Empty() || f.Opened != 0 || f.FirstResponse.N != 0 || f.Resolution.Median != 0 || len(f.Companies) != 0 ||
			f.FirstTarget.Percent() != 0 || len(f.Buckets) != 53 || !f.Period.Weekly() {
			t.Errorf("empty year: %+v", f)
		}
		if f.Buckets[0].Days != 5 || f.Buckets[1].Start.Weekday() != time.Monday || f.Buckets[52].Days != 3 {
			t.Errorf("weeks of 2025: first %+v, second %+v, last %+v", f.Buckets[0], f.Buckets[1], f.Buckets[52])
		}
		for _, c := range f.ByPriority {
			if c.Count != 0 {
				t.Errorf("priority %s: %d", c.Key, c.Count)
			}
		}
	})
}

// TestPercentileRanks checks the interpolation at both ends and around the middle on
// SQLite's path (ranks fetched from either end) against a sorted list.
func TestPercentileRanks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		// Answers after 1, 2, …, 7 minutes, plus one after 10 hours.
		mins := []int{1, 2, 3, 4, 5, 6, 7, 600}
		for i, m := range mins {
			at := march(2+i, 8, 0)
			id := h.open(h.ten.ID, opened{co: h.acme, ct: h.anna, title: "rank", at: at, priority: ticket.PriorityLow})
			h.reply(h.ten.ID, id, h.admin, at.Add(time.Duration(m)*time.Minute), false)
		}
		p, _ := report.ParsePeriod("2026-03-01", "2026-03-31", berlin)
		// Both of SQLite's ways: fetching the values around each rank, and reading the
		// period's durations to sort them in Go (from walkFrom durations on; here from one).
		defer func(n int) { *report.WalkFrom = n }(*report.WalkFrom)
		for _, walk := range []int{*report.WalkFrom, 1} {
			*report.WalkFrom = walk
			f, err := report.Compute(context.Background(), h.env.DB, h.ten.ID, p, march(31, 12, 0))
			if err != nil {
				t.Fatal(err)
			}
			// Median: rank 3.5 → 4.5 min; 90th: rank 6.3 → 7 min + 0.3 × 593 min = 184.9 min.
			if f.FirstResponse.Median != 4*time.Minute+30*time.Second || f.FirstResponse.P90 != 184*time.Minute+54*time.Second {
				t.Errorf("walk from %d: median %s, p90 %s", walk, f.FirstResponse.Median, f.FirstResponse.P90)
			}
		}
	})
}
