package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
	"pforte/internal/ticket"
)

// BenchmarkAutomation measures the helpdesk automation on the scale generator's
// tickets (100,000 by default, PFORTE_BENCH_TICKETS to change it) of the demo tenant
// (close after 7 days, remind after 5, resolve 5 after that): the listing of due
// tickets, full (a backlog: 200) and empty, a ticket page's plan, and a pass that finds
// nothing due, which is what every instance runs every few minutes. One real pass
// (200 closed, 200 reminded, their mails queued) is timed once and logged.
// PFORTE_BENCH_EXPLAIN=1 logs each read's plan (run with -v).
func BenchmarkAutomation(b *testing.B) {
	n := benchdb.Tickets()
	ctx, now := context.Background(), time.Now()
	for _, e := range testutil.Engines(b) {
		d, ten, _, _ := benchData(b, e, n)
		var resolved int64
		if err := d.QueryRow(ctx, `SELECT MAX(id) FROM tickets WHERE tenant_id = ? AND auto_step = ?`, ten.ID, ticket.StepClose).Scan(&resolved); err != nil {
			b.Fatal(err)
		}
		tk, err := ticket.ForStaff(ctx, d, ten.ID, resolved)
		if err != nil {
			b.Fatal(err)
		}
		long := now.AddDate(-10, 0, 0) // before every ticket: nothing is due
		due := func(step string, by time.Time) func(db.Querier) (int, error) {
			return func(q db.Querier) (int, error) { return ticket.DueCount(ctx, q, ten.ID, step, by) }
		}
		for _, c := range []struct {
			name string
			run  func(db.Querier) (int, error)
		}{
			{"due-close-backlog", due(ticket.StepClose, now.AddDate(0, 0, -7))},
			{"due-remind-backlog", due(ticket.StepRemind, now.AddDate(0, 0, -5))},
			{"due-close-none", due(ticket.StepClose, long)},
			{"due-resolve-none", due(ticket.StepResolve, long)},
			{"plan", func(q db.Querier) (int, error) { p, err := ticket.PlanOf(ctx, q, tk); return len(p.Step), err }},
		} {
			if benchdb.Explain() {
				x := &testutil.Explainer{DB: d}
				rows, err := c.run(x)
				b.Logf("%s %s: %d rows, %v\n%s", e, c.name, rows, err, x.Plans.String())
			}
			b.Run(string(e)+"/"+c.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := c.run(d); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		origin := func(tenant.Tenant) string { return "https://portal.example.com" }
		b.Run(string(e)+"/pass-idle", func(b *testing.B) {
			for b.Loop() {
				if sw, err := ticket.Automate(ctx, d, long, origin); err != nil || sw != (ticket.Swept{}) {
					b.Fatal(sw, err)
				}
			}
		})
		start := time.Now()
		sw, err := ticket.Automate(ctx, d, now, origin)
		b.Logf("%s: one pass over the backlog took %v: %+v %v", e, time.Since(start).Round(time.Millisecond), sw, err)
	}
}
