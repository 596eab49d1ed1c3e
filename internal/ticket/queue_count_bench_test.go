package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
	"pforte/internal/ticket"
)

// BenchmarkQueueCount times the staff queue's "37 tickets" line: ticket.CountQueue
// stopping after 1,001 rows (admin.queueCountCap + 1), the very call the queue and the
// dashboard make, for the queue's filters, on the data BenchmarkTicketList uses (same
// variables). A filter whose first page is its last
// needs no count at all (admin/ticket_list_count.go); a search of several pages is not
// counted either, its cases show what that saves.
func BenchmarkQueueCount(b *testing.B) {
	n := benchdb.Tickets()
	ctx := context.Background()
	for _, e := range benchdb.Engines(b) {
		d, ten, main, _ := benchData(b, e, n)
		waiting, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeWaiting)
		if err != nil {
			b.Fatal(err)
		}
		var agent int64
		if err := d.QueryRow(ctx, `SELECT MIN(assignee_id) FROM tickets WHERE tenant_id = ?`, ten.ID).Scan(&agent); err != nil {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name string
			f    ticket.Filter
		}{
			{"open", ticket.Filter{}},
			{"all", ticket.Filter{State: "all"}},
			{"done", ticket.Filter{State: "done"}},
			{"status-waiting", ticket.Filter{StatusID: waiting.ID}},
			{"company-open", ticket.Filter{CompanyID: main.CompanyID}},
			{"company-all", ticket.Filter{CompanyID: main.CompanyID, State: "all"}},
			{"assignee-open", ticket.Filter{AssigneeID: agent}},
			{"assignee-all", ticket.Filter{AssigneeID: agent, State: "all"}},
			{"unassigned", ticket.Filter{Unassigned: true}},
			{"urgent", ticket.Filter{Priority: ticket.PriorityUrgent}},
			{"urgent-all", ticket.Filter{Priority: ticket.PriorityUrgent, State: "all"}},
			{"pending", ticket.Filter{Pending: true}},
			{"overdue", ticket.Filter{Overdue: time.Now()}},
			// Filters whose condition matches few of a big set (BENCHMARKS.md, "List timings
			// at 1,000,000 tickets"): pending requests among done ones or one company's, a
			// big company's tickets with a due time, billed ones.
			{"pending-done", ticket.Filter{Pending: true, State: "done"}},
			{"pending-company-all", ticket.Filter{Pending: true, CompanyID: main.CompanyID, State: "all"}},
			{"company-urgent-due", ticket.Filter{CompanyID: main.CompanyID, Priority: ticket.PriorityUrgent, Sort: ticket.SortDue}},
			{"billed-all", ticket.Filter{Billed: "yes", State: "all"}},
			{"search-drucker", ticket.Filter{State: "all", Query: "drucker"}},
			{"search-f28", ticket.Filter{State: "all", Query: "f28"}},
		} {
			count := func(q db.Querier) (int, error) { return ticket.CountQueue(ctx, q, ten.ID, c.f, 1001) }
			if benchdb.Explain() {
				x := &testutil.Explainer{DB: d}
				rows, err := count(x)
				b.Logf("%s %s: %d, %v\n%s", e, c.name, rows, err, x.Plans.String())
			}
			b.Run(string(e)+"/"+c.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := count(d); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
