package report_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/report"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestCompanyFor counts Acme's figures of the seeded first half of March 2026 as its
// main contact sees them: only Acme's tickets opened in the period that the portal
// shows — not one in a status hidden from the portal, not one merged into another,
// not Beta's or the other tenant's.
func TestCompanyFor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.seedMarch()
		ctx := context.Background()
		a := h.ten.ID
		hidden, err := ticket.SaveStatus(ctx, h.env.DB, a, ticket.Status{Name: "Spam", Kind: ticket.KindClosed, Position: 20, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		spam := h.open(a, opened{co: h.acme, ct: h.anna, title: "T11 spam", at: march(4, 9, 0), priority: ticket.PriorityNormal})
		h.change(a, spam, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, hidden, ticket.Actor{Name: "Staff"}, march(4, 9, 5))
			return err
		})
		// Of the target's priority: a merge gives the target the higher of the two
		// (ticket/merge_open.go), which would move T13 between the groups below.
		dup := h.open(a, opened{co: h.acme, ct: h.anna, title: "T12 the printer again", at: march(4, 10, 0), priority: ticket.PriorityLow})
		target := h.open(a, opened{co: h.acme, ct: h.anna, title: "T13 merge target", at: march(1, 8, 0), priority: ticket.PriorityLow})
		h.change(a, dup, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			to, err := ticket.ForStaff(ctx, tx, a, target)
			if err != nil {
				return err
			}
			return ticket.Merge(ctx, tx, tk, to, ticket.Actor{Name: "Staff"}, march(4, 11, 0))
		})
		p, errs := report.ParsePeriod("2026-03-01", "2026-03-15", berlin)
		if errs.Any() {
			t.Fatal(errs)
		}
		main := principal.Contact{TenantID: a, CompanyID: h.acme.ID, ContactID: h.anna.ID, Role: principal.RoleMain}
		f, err := report.CompanyFor(ctx, h.env.DB, main, p, march(20, 12, 0))
		if err != nil {
			t.Fatal(err)
		}
		ints := func(name string, got, want int) {
			t.Helper()
			if got != want {
				t.Errorf("%s = %d, want %d", name, got, want)
			}
		}
		ints("opened", f.Opened, 5)     // T1 T2 T3 T6 T13
		ints("resolved", f.Resolved, 3) // T1 T2 T3
		ints("open now", f.OpenNow, 2)  // T6 T13
		wantBars := map[int]int{1: 1, 2: 1, 3: 1, 5: 1, 14: 1}
		for i, b := range f.Buckets {
			if b.Opened != wantBars[i+1] {
				t.Errorf("bar %d (%s): %d tickets, want %d", i, b.Start, b.Opened, wantBars[i+1])
			}
		}
		type group struct {
			id    int64
			count int
		}
		groups := func(name string, got []report.Count, want ...group) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%s: %+v, want %v", name, got, want)
			}
			for i, w := range want {
				if got[i].ID != w.id || got[i].Count != w.count {
					t.Errorf("%s %d: %+v, want %v", name, i, got[i], w)
				}
			}
		}
		groups("category", f.ByCategory, group{h.hardware, 2}, group{h.software, 2}, group{0, 1})
		groups("contact", f.ByContact, group{h.anna.ID, 5})
		groups("priority", f.ByPriority, group{ticket.PriorityLow, 1}, group{ticket.PriorityNormal, 2},
			group{ticket.PriorityHigh, 1}, group{ticket.PriorityUrgent, 1})
		durations := func(name string, got report.Times, n int, median, p90 time.Duration) {
			t.Helper()
			if got.N != n || got.Median != median || got.P90 != p90 {
				t.Errorf("%s: n %d, median %s, p90 %s; want %d, %s, %s", name, got.N, got.Median, got.P90, n, median, p90)
			}
		}
		// First responses: 30 min (T6), 1 h (T1), 4 h (T2); T13 has none, nor has T3, which
		// staff opened (nobody waited for an answer). Median at rank 1, 90th percentile
		// at rank 1.8: 1 h + 0.8 × 3 h.
		durations("first response", f.FirstResponse, 3, time.Hour, 3*time.Hour+24*time.Minute)
		// Resolutions of the tickets opened: 10 h (T1), 24 h (T2), 72 h (T3).
		durations("resolution", f.Resolution, 3, 24*time.Hour, 62*time.Hour+24*time.Minute)
		ints("first response met", f.FirstTarget.Met, 2)       // T1 T6 (T13 is low: no target; T3 staff opened)
		ints("first response missed", f.FirstTarget.Missed, 1) // T2
		ints("resolution met", f.ResolveTarget.Met, 1)         // T1
		ints("resolution missed", f.ResolveTarget.Missed, 3)   // T2 T3 late, T6 unresolved past its 4 h

		// Beta's main contact counts Beta's tickets only: T4 T5 T10.
		beta := principal.Contact{TenantID: a, CompanyID: h.beta.ID, ContactID: h.bea.ID, Role: principal.RoleMain}
		g, err := report.CompanyFor(ctx, h.env.DB, beta, p, march(20, 12, 0))
		if err != nil {
			t.Fatal(err)
		}
		ints("beta opened", g.Opened, 3)
		ints("beta resolved", g.Resolved, 1)
		// A company of another tenant with Acme's id finds nothing.
		foreign := principal.Contact{TenantID: h.other.ID, CompanyID: h.acme.ID, ContactID: h.anna.ID, Role: principal.RoleMain}
		if g, err := report.CompanyFor(ctx, h.env.DB, foreign, p, march(20, 12, 0)); err != nil || g.Opened != 0 {
			t.Errorf("other tenant with Acme's id: %d opened, %v", g.Opened, err)
		}

		// The export holds the same tickets as the figures, in the order they were opened.
		var ids []int64
		if err := report.ExportCompany(ctx, h.env.DB, main, p, func(r report.Row) error {
			ids = append(ids, r.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(ids) != 5 || ids[0] != target {
			t.Errorf("export: %v, want 5 tickets starting with T13 (%d)", ids, target)
		}
		for _, id := range ids {
			if id == spam || id == dup {
				t.Errorf("export holds hidden or merged ticket %d", id)
			}
		}
	})
}
