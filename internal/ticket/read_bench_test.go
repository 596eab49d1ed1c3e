package ticket_test

import (
	"context"
	"os"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
	"pforte/internal/ticket"
)

// BenchmarkTicketUnread measures what read marks add to the lists, on BenchmarkTicketList's
// data (PFORTE_BENCH_TICKETS, PFORTE_BENCH_DATA, PFORTE_BENCH_DATABASE_URL and
// PFORTE_BENCH_EXPLAIN=1 as there): the queue's "unread only" for the agent with most
// tickets, and the lookup of a reader's marks for a page of 50 (queue and portal). The
// generated tickets are from "before read marks" (no news); generated here, every ticket
// gets news by a contact, the worst case for the filter, and the agent has read a third
// of them (give a database of PFORTE_BENCH_DATA or _DATABASE_URL the same by hand).
//
//	go test ./internal/ticket -run xxx -bench TicketUnread -benchtime 20x
func BenchmarkTicketUnread(b *testing.B) {
	n := benchdb.Tickets()
	ctx := context.Background()
	for _, e := range testutil.Engines(b) {
		d, ten, main, _ := benchData(b, e, n)
		var agent int64
		if err := d.QueryRow(ctx, `SELECT assignee_id FROM tickets WHERE tenant_id = ? AND assignee_id IS NOT NULL
			GROUP BY assignee_id ORDER BY COUNT(*) DESC LIMIT 1`, ten.ID).Scan(&agent); err != nil {
			b.Fatal(err)
		}
		external := map[db.Engine]string{db.SQLite: "PFORTE_BENCH_DATA", db.Postgres: "PFORTE_BENCH_DATABASE_URL"}[e]
		if os.Getenv(external) == "" { // generated here: ours to change
			if _, err := d.Exec(ctx, `UPDATE tickets SET news = 1, portal_news = 1 WHERE tenant_id = ?`, ten.ID); err != nil {
				b.Fatal(err)
			}
			if _, err := d.Exec(ctx, `INSERT INTO ticket_staff_reads (staff_id, ticket_id, tenant_id, seen, read_at)
				SELECT assignee_id, id, tenant_id, 1, 0 FROM tickets WHERE tenant_id = ? AND assignee_id = ? AND id % 3 = 0`, ten.ID, agent); err != nil {
				b.Fatal(err)
			}
			if e == db.Postgres {
				d.Exec(ctx, `ANALYZE`)
			}
		}
		page, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{State: "all"})
		if err != nil {
			b.Fatal(err)
		}
		own, _, err := ticket.ListForContact(ctx, d, main, ticket.Filter{State: "all"})
		if err != nil {
			b.Fatal(err)
		}
		var ids []int64
		for _, t := range own {
			ids = append(ids, t.ID)
		}
		var open int
		d.QueryRow(ctx, `SELECT COUNT(*) FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
			WHERE t.tenant_id = ? AND t.assignee_id = ? AND s.kind IN ('open', 'waiting')`, ten.ID, agent).Scan(&open)
		b.Logf("%s: agent %d has %d open tickets", e, agent, open)
		for _, c := range []struct {
			name string
			run  func(db.Querier) (int, error)
		}{
			{"staff/unread-only", func(q db.Querier) (int, error) {
				l, _, err := ticket.Queue(ctx, q, ten.ID, ticket.Filter{State: "open", AssigneeID: agent, UnreadBy: agent})
				return len(l), err
			}},
			{"staff/unread-only-page-2", func(q db.Querier) (int, error) {
				l, _, err := ticket.Queue(ctx, q, ten.ID, ticket.Filter{State: "open", AssigneeID: agent, UnreadBy: agent, Page: 2})
				return len(l), err
			}},
			{"staff/page-marks", func(q db.Querier) (int, error) {
				return len(page), ticket.MarkUnread(ctx, q, ten.ID, agent, page)
			}},
			{"main/page-marks", func(q db.Querier) (int, error) {
				m, err := ticket.SeenByContact(ctx, q, main, ids)
				return len(m), err
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
	}
}
