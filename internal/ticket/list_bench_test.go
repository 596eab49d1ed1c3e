package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
	"pforte/internal/ticket"
)

// BenchmarkTicketList measures the portal's ticket list (a main contact and a plain
// user of the company with most tickets) and the staff queue with its filters, on
// tickets made by the scale generator: 100,000 by default, PFORTE_BENCH_TICKETS to
// change it. PFORTE_BENCH_EXPLAIN=1 logs each query's plan (run with -v).
// PFORTE_BENCH_DATA (an SQLite data directory) or PFORTE_BENCH_DATABASE_URL (a
// PostgreSQL URL) runs it on a database `pforte demo --scale N` filled instead.
func BenchmarkTicketList(b *testing.B) {
	n := benchdb.Tickets()
	ctx := context.Background()
	for _, e := range benchdb.Engines(b) {
		d, ten, main, user := benchData(b, e, n)
		// A colleague who opened and follows nothing yet: the user's list has to look
		// at every ticket of the company to find that out.
		newcomer := user
		if err := d.QueryRow(ctx, `SELECT MIN(contact_id) FROM memberships WHERE company_id <> ?`, main.CompanyID).Scan(&newcomer.ContactID); err != nil {
			b.Fatal(err)
		}
		waiting, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeWaiting)
		if err != nil {
			b.Fatal(err)
		}
		var agent int64
		if err := d.QueryRow(ctx, `SELECT MIN(assignee_id) FROM tickets WHERE tenant_id = ?`, ten.ID).Scan(&agent); err != nil {
			b.Fatal(err)
		}
		contact := func(p principal.Contact, f ticket.Filter) func(db.Querier) (int, error) {
			return func(q db.Querier) (int, error) { l, _, err := ticket.ListForContact(ctx, q, p, f); return len(l), err }
		}
		recent := func(p principal.Contact) func(db.Querier) (int, error) {
			return func(q db.Querier) (int, error) {
				l, err := ticket.Recent(ctx, q, p, ticket.RecentLimit)
				return len(l), err
			}
		}
		// The contact who opened most tickets, and one who follows most: the queue's
		// contact filter (list_contact.go) at its costliest.
		var opener, follower int64
		if err := d.QueryRow(ctx, `SELECT contact_id FROM tickets WHERE tenant_id = ? AND contact_id IS NOT NULL
			GROUP BY contact_id ORDER BY COUNT(*) DESC LIMIT 1`, ten.ID).Scan(&opener); err != nil {
			b.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COALESCE(MAX(contact_id), 0) FROM (SELECT contact_id FROM ticket_followers WHERE tenant_id = ?
			GROUP BY contact_id ORDER BY COUNT(*) DESC LIMIT 1) f`, ten.ID).Scan(&follower); err != nil {
			b.Fatal(err)
		}
		// The company with fewest tickets: a filter for it must not walk the whole queue
		// in the chosen order to find its few rows.
		var small int64
		if err := d.QueryRow(ctx, `SELECT company_id FROM tickets WHERE tenant_id = ? GROUP BY company_id
			ORDER BY COUNT(*), company_id LIMIT 1`, ten.ID).Scan(&small); err != nil {
			b.Fatal(err)
		}
		queue := func(f ticket.Filter) func(db.Querier) (int, error) {
			return func(q db.Querier) (int, error) { l, _, err := ticket.Queue(ctx, q, ten.ID, f); return len(l), err }
		}
		closed, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeClosed)
		if err != nil {
			b.Fatal(err)
		}
		// Page 21 reached by the "next" links: f with the place where page 20 ended
		// (keyset, list_after.go), next to the same page by number.
		after20 := func(f ticket.Filter, list func(ticket.Filter) ([]ticket.Ticket, bool, error)) ticket.Filter {
			f.Page = 20
			l, _, err := list(f)
			if err != nil || len(l) == 0 {
				b.Fatalf("page 20 of %+v: %d tickets, %v", f, len(l), err)
			}
			f.Page, f.After = 21, f.Cursor(l[len(l)-1])
			return f
		}
		inQueue := func(f ticket.Filter) ([]ticket.Ticket, bool, error) { return ticket.Queue(ctx, d, ten.ID, f) }
		ofMain := func(f ticket.Filter) ([]ticket.Ticket, bool, error) { return ticket.ListForContact(ctx, d, main, f) }
		openByPriority := ticket.Filter{Sort: "priority"}
		drucker := ticket.Filter{State: "all", Query: "drucker"}
		mainAll := ticket.Filter{State: "all"}
		for _, c := range []struct {
			name string
			run  func(db.Querier) (int, error)
		}{
			{"main/open", contact(main, ticket.Filter{})},
			{"main/all", contact(main, ticket.Filter{State: "all"})},
			{"main/done-page-20", contact(main, ticket.Filter{State: "done", Page: 20})},
			{"main/all-by-priority", contact(main, ticket.Filter{State: "all", Sort: "priority"})},
			{"main/search-drucker", contact(main, ticket.Filter{State: "all", Query: "drucker"})},
			// Words of the conversation (search_messages.go): in many staff replies, in
			// internal notes only, a rare pair, and nowhere.
			{"main/search-seriennummer", contact(main, ticket.Filter{State: "all", Query: "seriennummer"})},
			{"main/search-note-words", contact(main, ticket.Filter{State: "all", Query: "wartungsvertrag abrechnen"})},
			{"main/search-rare", contact(main, ticket.Filter{State: "all", Query: "vitodens monatsabschluss"})},
			{"main/search-nothing", contact(main, ticket.Filter{State: "all", Query: "xylophon"})},
			{"user/open", contact(user, ticket.Filter{})},
			{"user/all", contact(user, ticket.Filter{State: "all"})},
			{"newcomer/open", contact(newcomer, ticket.Filter{})},
			{"main/recent", recent(main)}, // the home page's five (ticket.Recent)
			{"user/recent", recent(user)},
			{"newcomer/recent", recent(newcomer)},
			{"staff/open", queue(ticket.Filter{})},
			{"staff/all", queue(ticket.Filter{State: "all"})},
			{"staff/status-waiting", queue(ticket.Filter{StatusID: waiting.ID})},
			{"staff/company-open", queue(ticket.Filter{CompanyID: main.CompanyID})},
			{"staff/company-all", queue(ticket.Filter{CompanyID: main.CompanyID, State: "all"})},
			{"staff/assignee-open", queue(ticket.Filter{AssigneeID: agent})},
			{"staff/unassigned", queue(ticket.Filter{Unassigned: true})},
			{"staff/urgent", queue(ticket.Filter{Priority: ticket.PriorityUrgent})},
			{"staff/pending", queue(ticket.Filter{Pending: true})},
			{"staff/pending-done", queue(ticket.Filter{Pending: true, State: "done"})},
			{"staff/all-by-priority", queue(ticket.Filter{State: "all", Sort: "priority"})},
			{"staff/done-by-priority", queue(ticket.Filter{State: "done", Sort: "priority"})},
			{"staff/assignee-all-newest", queue(ticket.Filter{AssigneeID: agent, State: "all", Sort: "created"})},
			{"staff/assignee-all-oldest", queue(ticket.Filter{AssigneeID: agent, State: "all", Sort: "oldest"})},
			{"staff/company-done-newest", queue(ticket.Filter{CompanyID: main.CompanyID, State: "done", Sort: "created"})},
			{"staff/company-all-oldest", queue(ticket.Filter{CompanyID: main.CompanyID, State: "all", Sort: "oldest"})},
			{"staff/small-company-by-priority", queue(ticket.Filter{CompanyID: small, Sort: "priority"})},
			{"staff/small-company-done-by-priority", queue(ticket.Filter{CompanyID: small, State: "done", Sort: "priority"})},
			{"staff/company-by-priority", queue(ticket.Filter{CompanyID: main.CompanyID, State: "all", Sort: "priority"})},
			{"staff/low-all-newest", queue(ticket.Filter{Priority: ticket.PriorityLow, State: "all", Sort: "created"})},
			{"staff/low-done-oldest", queue(ticket.Filter{Priority: ticket.PriorityLow, State: "done", Sort: "oldest"})},
			{"staff/search-drucker", queue(ticket.Filter{State: "all", Query: "drucker"})},
			{"staff/search-f28", queue(ticket.Filter{State: "all", Query: "f28"})},
			{"staff/search-seriennummer", queue(ticket.Filter{State: "all", Query: "seriennummer"})},
			{"staff/search-note-words", queue(ticket.Filter{State: "all", Query: "wartungsvertrag abrechnen"})},
			{"staff/search-rare", queue(ticket.Filter{State: "all", Query: "vitodens monatsabschluss"})},
			{"staff/search-nothing", queue(ticket.Filter{State: "all", Query: "xylophon"})},
			{"staff/overdue", queue(ticket.Filter{Overdue: time.Now()})},
			{"staff/overdue-page-5", queue(ticket.Filter{Overdue: time.Now(), Page: 5})},
			{"staff/overdue-company", queue(ticket.Filter{Overdue: time.Now(), CompanyID: main.CompanyID})},
			{"staff/overdue-assignee", queue(ticket.Filter{Overdue: time.Now(), AssigneeID: agent})},
			{"staff/due-urgent", queue(ticket.Filter{Sort: ticket.SortDue, Priority: ticket.PriorityUrgent})},
			{"staff/due-soonest", queue(ticket.Filter{Sort: ticket.SortDue})},
			{"staff/open-oldest", queue(ticket.Filter{Sort: "oldest"})},
			{"staff/company-due", queue(ticket.Filter{Sort: ticket.SortDue, CompanyID: main.CompanyID})},
			{"staff/small-company-due", queue(ticket.Filter{Sort: ticket.SortDue, CompanyID: small})},
			{"staff/assignee-due", queue(ticket.Filter{Sort: ticket.SortDue, AssigneeID: agent})},
			{"staff/unassigned-due", queue(ticket.Filter{Sort: ticket.SortDue, Unassigned: true})},
			{"staff/contact-open", queue(ticket.Filter{ContactID: opener})},
			{"staff/contact-all", queue(ticket.Filter{ContactID: opener, State: "all"})},
			{"staff/contact-done-page-5", queue(ticket.Filter{ContactID: opener, State: "done", Page: 5})},
			{"staff/contact-by-priority", queue(ticket.Filter{ContactID: opener, Sort: "priority"})},
			{"staff/contact-due", queue(ticket.Filter{ContactID: opener, Sort: ticket.SortDue})},
			{"staff/contact-all-newest", queue(ticket.Filter{ContactID: opener, State: "all", Sort: "created"})},
			{"staff/contact-done-oldest", queue(ticket.Filter{ContactID: opener, State: "done", Sort: "oldest"})},
			{"staff/contact-follows", queue(ticket.Filter{ContactID: follower, ContactFollows: true, State: "all"})},
			// One status (BENCHMARKS.md, "List timings at 1,000,000 tickets"): most tickets
			// are closed, few are new.
			{"staff/status-closed", queue(ticket.Filter{StatusID: closed.ID})},
			{"staff/status-closed-by-priority", queue(ticket.Filter{StatusID: closed.ID, Sort: "priority"})},
			{"staff/status-closed-oldest", queue(ticket.Filter{StatusID: closed.ID, Sort: "oldest"})},
			{"staff/status-closed-assignee", queue(ticket.Filter{StatusID: closed.ID, AssigneeID: agent})},
			{"staff/status-waiting-by-priority", queue(ticket.Filter{StatusID: waiting.ID, Sort: "priority"})},
			{"staff/pending-company-oldest", queue(ticket.Filter{Pending: true, CompanyID: main.CompanyID, State: "all", Sort: "oldest"})},
			{"staff/open-by-priority-page-21", queue(ticket.Filter{Sort: "priority", Page: 21})},
			{"staff/open-by-priority-after-20", queue(after20(openByPriority, inQueue))},
			{"staff/search-drucker-page-21", queue(ticket.Filter{State: "all", Query: "drucker", Page: 21})},
			{"staff/search-drucker-after-20", queue(after20(drucker, inQueue))},
			{"main/all-page-21", contact(main, ticket.Filter{State: "all", Page: 21})},
			{"main/all-after-20", contact(main, after20(mainAll, ofMain))},
			{"staff/overdue-count", func(q db.Querier) (int, error) { return ticket.CountOverdue(ctx, q, ten.ID, time.Now()) }},
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

// benchData returns a database with tickets and two contacts of the company with
// most tickets: its main contact and a user.
func benchData(b *testing.B, e db.Engine, n int) (*db.DB, tenant.Tenant, principal.Contact, principal.Contact) {
	ctx := context.Background()
	d, ten := benchdb.Open(b, e, n)
	var total, most int
	main := principal.Contact{TenantID: ten.ID, Role: principal.RoleMain}
	err := d.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM tickets WHERE tenant_id = ?), company_id, COUNT(*) FROM tickets
		WHERE tenant_id = ? GROUP BY company_id ORDER BY COUNT(*) DESC LIMIT 1`, ten.ID, ten.ID).Scan(&total, &main.CompanyID, &most)
	if err != nil {
		b.Fatal(err)
	}
	user := main
	user.Role = principal.RoleUser
	for _, p := range []*principal.Contact{&main, &user} {
		if err := d.QueryRow(ctx, `SELECT MIN(contact_id) FROM memberships WHERE company_id = ? AND role = ?`,
			p.CompanyID, p.Role).Scan(&p.ContactID); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: %d tickets, company %d has %d", e, total, main.CompanyID, most)
	return d, ten, main, user
}
