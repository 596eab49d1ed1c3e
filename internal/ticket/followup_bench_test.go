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

// BenchmarkFollowUps measures the queue's "follow-up due" filter (everyone's and one
// member's, any status and open only), the follow-up order, the dashboard's count and
// a sweep that finds nothing due (what every instance runs every five minutes), on the
// scale generator's tickets (100,000 by default, PFORTE_BENCH_TICKETS to change it;
// PFORTE_BENCH_DATA / PFORTE_BENCH_DATABASE_URL as for BenchmarkTicketList). Every
// 500th ticket gets a follow-up, three in seven of them due, set by the busiest
// assignee. PFORTE_BENCH_EXPLAIN=1 logs each read's plan (run with -v).
func BenchmarkFollowUps(b *testing.B) {
	n := benchdb.Tickets()
	ctx, now := context.Background(), time.Now()
	for _, e := range benchdb.Engines(b) {
		d, ten, main, _ := benchData(b, e, n)
		var agent int64
		if err := d.QueryRow(ctx, `SELECT assignee_id FROM tickets WHERE tenant_id = ? AND assignee_id IS NOT NULL
			GROUP BY assignee_id ORDER BY COUNT(*) DESC LIMIT 1`, ten.ID).Scan(&agent); err != nil {
			b.Fatal(err)
		}
		// Due days before or after now by the ticket's number; mailed already, so the
		// sweep finds nothing (its idle pass is what is measured).
		res, err := d.Exec(ctx, `UPDATE tickets SET followup_at = ? + (id % 7 - 3) * 86400 - 60, followup_mail_at = NULL,
			followup_by = ? WHERE tenant_id = ? AND id % 500 = 0`, now.Unix(), agent, ten.ID)
		if err != nil {
			b.Fatal(err)
		}
		set, _ := res.RowsAffected()
		b.Logf("%s: %d follow-ups", e, set)
		queue := func(f ticket.Filter) func(db.Querier) (int, error) {
			return func(q db.Querier) (int, error) { l, _, err := ticket.Queue(ctx, q, ten.ID, f); return len(l), err }
		}
		for _, c := range []struct {
			name string
			run  func(db.Querier) (int, error)
		}{
			{"followup-due", queue(ticket.Filter{State: "all", FollowUpDue: now})},
			{"followup-due-open", queue(ticket.Filter{FollowUpDue: now})},
			{"followup-mine", queue(ticket.Filter{State: "all", FollowUpDue: now, FollowUpOf: agent})},
			{"followup-due-company", queue(ticket.Filter{State: "all", FollowUpDue: now, CompanyID: main.CompanyID})},
			{"followup-due-assignee", queue(ticket.Filter{State: "all", FollowUpDue: now, AssigneeID: agent})},
			{"followup-order", queue(ticket.Filter{Sort: ticket.SortFollowUp})},
			{"followup-count-mine", func(q db.Querier) (int, error) {
				return ticket.CountQueue(ctx, q, ten.ID, ticket.Filter{State: "all", FollowUpDue: now, FollowUpOf: agent}, 100)
			}},
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
		b.Run(string(e)+"/sweep-idle", func(b *testing.B) {
			for b.Loop() {
				if n, err := ticket.MailFollowUps(ctx, d, now, origin); err != nil || n != 0 {
					b.Fatal(n, err)
				}
			}
		})
	}
}
