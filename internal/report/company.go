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
// tickets_company_opened, without joins — statuses, categories and the few openers'
// names come from small lookups — and Go does the counting: a year of the largest
// customer at a million tickets is some 30,000 rows, and one pass serves every figure.
func CompanyFor(ctx context.Context, q db.Querier, p principal.Contact, period Period, now time.Time) (CompanyFigures, error) {
	f := CompanyFigures{Period: period, Buckets: period.Buckets()}
	statuses, err := ticket.Statuses(ctx, q, p.TenantID)
	if err != nil {
		return f, err
	}
	kinds := map[int64]string{} // of the statuses the portal shows
	for _, s := range statuses {
		if s.PortalVisible {
			kinds[s.ID] = s.Kind
		}
	}
	// The statuses are left out in Go, not by "status_id IN (…)": with that list SQLite
	// walks tickets_queue_company, the company's every ticket, instead of the period's
	// range of tickets_company_opened (at a million tickets 320 ms for 30 days).
	rows, err := q.Query(ctx, `SELECT created_at, status_id, priority, COALESCE(category_id, 0), COALESCE(contact_id, 0),
			COALESCE(first_responded_at, 0), COALESCE(first_response_due_at, 0),
			COALESCE(resolved_at, 0), COALESCE(resolution_due_at, 0)
		FROM tickets WHERE tenant_id = ? AND company_id = ? AND created_at >= ? AND created_at < ? AND merged_into IS NULL`,
		p.TenantID, p.CompanyID, period.From().Unix(), period.To().Unix())
	if err != nil {
		return f, fmt.Errorf("report: company: %w", err)
	}
	defer rows.Close()
	c := newCompanyCounter(now)
	for rows.Next() {
		var r companyRow
		var status int64
		if err := rows.Scan(&r.created, &status, &r.priority, &r.category, &r.contact,
			&r.responded, &r.responseDue, &r.resolved, &r.resolutionDue); err != nil {
			return f, fmt.Errorf("report: company: %w", err)
		}
		var shown bool
		if r.kind, shown = kinds[status]; shown {
			c.add(&f, r)
		}
	}
	if err := rows.Err(); err != nil {
		return f, fmt.Errorf("report: company: %w", err)
	}
	c.finish(&f)
	return f, c.name(ctx, q, p.TenantID, &f)
}

// name fills in the names of the categories and openers the figures list, and puts
// both lists in order.
func (c *companyCounter) name(ctx context.Context, q db.Querier, tenantID int64, f *CompanyFigures) error {
	defer largestFirst(f.ByContact)
	defer largestFirst(f.ByCategory)
	categories, err := ticket.Categories(ctx, q, tenantID, false)
	if err != nil {
		return err
	}
	for i, g := range f.ByCategory {
		for _, cat := range categories {
			if cat.ID == g.ID {
				f.ByCategory[i].Name = cat.Name
			}
		}
	}
	var ids []any
	for _, g := range f.ByContact {
		if g.ID != 0 {
			ids = append(ids, g.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := q.Query(ctx, `SELECT id, TRIM(first_name || ' ' || last_name) FROM contacts
		WHERE tenant_id = ? AND id IN (`+db.Marks(len(ids))+`)`, append([]any{tenantID}, ids...)...)
	if err != nil {
		return fmt.Errorf("report: company openers: %w", err)
	}
	defer rows.Close()
	names := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("report: company openers: %w", err)
		}
		names[id] = name
	}
	for i, g := range f.ByContact {
		f.ByContact[i].Name = names[g.ID]
	}
	return rows.Err()
}

// companyRow is one ticket as CompanyFor reads it, times in Unix seconds (0: none).
type companyRow struct {
	created                 int64
	kind                    string
	priority                int64
	category                int64
	contact                 int64
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
	tally(c.categories, r.category)
	tally(c.contacts, r.contact)
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
func tally(m map[int64]*Count, id int64) {
	if c, ok := m[id]; ok {
		c.Count++
		return
	}
	m[id] = &Count{ID: id, Count: 1}
}

// finish turns the gathered groups and durations into the figures' lists.
func (c *companyCounter) finish(f *CompanyFigures) {
	f.ByCategory, f.ByContact = groups(c.categories), groups(c.contacts)
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

// groups lists the gathered groups, in no order yet: name sorts them once they have
// their names.
func groups(m map[int64]*Count) []Count {
	out := make([]Count, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	return out
}

// largestFirst orders groups by count, ties by name and then id, so pages and tests
// see one order.
func largestFirst(list []Count) {
	slices.SortFunc(list, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
}
