package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

// CompanyFigures are a customer company's helpdesk figures as its main contacts see
// them in the portal: the tickets the company opened in a period that the portal shows
// (a status the tenant shows there; merged tickets count once, in the ticket that holds
// their conversation), what became of them by now, and how fast the provider answered
// and resolved them. Unlike Figures every number is about the tickets opened in the
// period, so the parts add up for the customer: opened = resolved + open now + the
// rest (closed without a resolution).
type CompanyFigures struct {
	Period   Period
	Opened   int
	Resolved int // of those opened, how many have a resolution now
	OpenNow  int // of those opened, how many are open or waiting now
	Buckets  []Bucket

	ByCategory []Count // ID: a category (0: none), Name its main name; largest first
	ByPriority []Count // ID: a priority, in the helpdesk's order
	ByContact  []Count // ID: the contact who opened them (0: staff or mail without one), Name; largest first

	FirstResponse Times // opened tickets that staff answered publicly
	Resolution    Times // opened tickets that are resolved
	FirstTarget   Share // first-response targets, judged as Figures.FirstTarget
	ResolveTarget Share // resolution targets: resolved in time, or late (resolved late or overdue now)
}

// CompanyFor counts the figures of the principal's company for period p as of now. It
// is for main contacts (the caller checks the role): the company's tickets, whoever
// opened them. One query reads the period's tickets through the index
// tickets_company_opened and Go does the counting: a year of the largest customer at
// a million tickets is some 30,000 rows, and one pass serves every figure.
func CompanyFor(ctx context.Context, q db.Querier, p principal.Contact, period Period, now time.Time) (CompanyFigures, error) {
	f := CompanyFigures{Period: period, Buckets: period.Buckets()}
	rows, err := q.Query(ctx, `SELECT t.created_at, s.kind, t.priority, COALESCE(t.category_id, 0), COALESCE(cat.name, ''),
			COALESCE(t.contact_id, 0), COALESCE(TRIM(ct.first_name || ' ' || ct.last_name), ''),
			COALESCE(t.first_responded_at, 0), COALESCE(t.first_response_due_at, 0),
			COALESCE(t.resolved_at, 0), COALESCE(t.resolution_due_at, 0)
		FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
		LEFT JOIN ticket_categories cat ON cat.id = t.category_id
		LEFT JOIN contacts ct ON ct.id = t.contact_id
		WHERE t.tenant_id = ? AND t.company_id = ? AND t.created_at >= ? AND t.created_at < ?
			AND s.portal_visible AND t.merged_into IS NULL`,
		p.TenantID, p.CompanyID, period.From().Unix(), period.To().Unix())
	if err != nil {
		return f, fmt.Errorf("report: company: %w", err)
	}
	defer rows.Close()
	c := newCompanyCounter(now)
	for rows.Next() {
		var r companyRow
		if err := rows.Scan(&r.created, &r.kind, &r.priority, &r.category, &r.categoryName, &r.contact, &r.contactName,
			&r.responded, &r.responseDue, &r.resolved, &r.resolutionDue); err != nil {
			return f, fmt.Errorf("report: company: %w", err)
		}
		c.add(&f, r)
	}
	if err := rows.Err(); err != nil {
		return f, fmt.Errorf("report: company: %w", err)
	}
	c.finish(&f)
	return f, nil
}

// companyRow is one ticket as CompanyFor reads it, times in Unix seconds (0: none).
type companyRow struct {
	created                 int64
	kind                    string
	priority                int64
	category                int64
	categoryName            string
	contact                 int64
	contactName             string
	responded, responseDue  int64
	resolved, resolutionDue int64
}

// companyCounter gathers the figures while the rows pass.
type companyCounter struct {
	now                  int64
	categories, contacts map[int64]*Count
	priorities           map[int64]int
	responses, resolves  []int64
}

func newCompanyCounter(now time.Time) *companyCounter {
	return &companyCounter{now: now.Unix(), categories: map[int64]*Count{}, contacts: map[int64]*Count{},
		priorities: map[int64]int{}}
}

func (c *companyCounter) add(f *CompanyFigures, r companyRow) {
	f.Opened++
	at := time.Unix(r.created, 0)
	if i := sort.Search(len(f.Buckets), func(i int) bool { return f.Buckets[i].End.After(at) }); i < len(f.Buckets) {
		f.Buckets[i].Opened++
	}
	if r.kind == ticket.KindOpen || r.kind == ticket.KindWaiting {
		f.OpenNow++
	}
	tally(c.categories, r.category, r.categoryName)
	tally(c.contacts, r.contact, r.contactName)
	c.priorities[r.priority]++
	if r.responded > 0 {
		c.responses = append(c.responses, r.responded-r.created)
	}
	// A resolution stands while the ticket is resolved or closed; a reopened ticket
	// keeps its old resolved_at until it is resolved again, and counts as unresolved.
	var resolved int64
	if r.resolved > 0 && (r.kind == ticket.KindResolved || r.kind == ticket.KindClosed) {
		resolved = r.resolved
		f.Resolved++
		c.resolves = append(c.resolves, r.resolved-r.created)
	}
	// An unanswered ticket's first-response target is judged at its resolution if it
	// was resolved without an answer, else now (as ticket.SLA.FirstResponseState and
	// the staff report judge it).
	end := c.now
	if resolved > 0 {
		end = resolved
	}
	judge(&f.FirstTarget, r.responded, r.responseDue, end)
	judge(&f.ResolveTarget, resolved, r.resolutionDue, c.now)
}

// judge counts one target due at due (0: none): met when done (0: not yet) at or
// before it, missed when done after it or, not done, when end is past it; neither
// while it is still ahead.
func judge(s *Share, done, due, end int64) {
	switch {
	case due == 0:
	case done > 0 && done <= due:
		s.Met++
	case done > 0 || end > due:
		s.Missed++
	}
}

// tally counts one ticket for the group id.
func tally(m map[int64]*Count, id int64, name string) {
	if c, ok := m[id]; ok {
		c.Count++
		return
	}
	m[id] = &Count{ID: id, Name: name, Count: 1}
}

// finish turns the gathered groups and durations into the figures' lists.
func (c *companyCounter) finish(f *CompanyFigures) {
	f.ByCategory, f.ByContact = largestFirst(c.categories), largestFirst(c.contacts)
	for _, p := range ticket.Priorities {
		f.ByPriority = append(f.ByPriority, Count{ID: int64(p), Key: ticket.PriorityName(p), Count: c.priorities[int64(p)]})
	}
	for _, m := range []struct {
		v []int64
		t *Times
	}{{c.responses, &f.FirstResponse}, {c.resolves, &f.Resolution}} {
		slices.Sort(m.v)
		*m.t = Times{N: len(m.v), Median: quantile(m.v, 0.5), P90: quantile(m.v, 0.9)}
	}
}

// largestFirst lists the groups by count, ties by name and then id, so pages and
// tests see one order.
func largestFirst(m map[int64]*Count) []Count {
	out := make([]Count, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}
