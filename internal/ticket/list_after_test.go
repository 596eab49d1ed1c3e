package ticket_test

import (
	"context"
	"slices"
	"testing"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestListPagesAfter: following the "next" links by keyset (Filter.After from
// Filter.Cursor) lists the same tickets in the same order as paging by number, in the
// queue and the portal, in every order, with a status (listed as a big one is), a search walked in order and the
// requests to decide, also where a third of the tickets share one activity time, half
// of them one priority and many one due time, so that ties cross the page boundaries.
// A cursor made for another order is not used: the page is found by its number.
func TestListPagesAfter(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := scaled(t, d, 1200, 3)
		for _, q := range []string{
			`UPDATE tickets SET updated_at = 1700000000, portal_at = 1700000000 WHERE id % 3 = 0`,
			`UPDATE tickets SET priority = 2 WHERE id % 2 = 0`,
			`UPDATE tickets SET sla_due_at = 1800000000 WHERE sla_due_at IS NOT NULL AND id % 2 = 0`,
		} {
			if _, err := d.Exec(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		closed, err := ticket.StatusByCode(ctx, d, ten.ID, "closed")
		if err != nil {
			t.Fatal(err)
		}
		queue := func(f ticket.Filter) ([]ticket.Ticket, bool, error) { return ticket.Queue(ctx, d, ten.ID, f) }
		defer ticket.SetCommonAt(1)()       // "drucker" walked in order, from the cursor on
		defer ticket.SetStatusWalkAt(100)() // the closed status walked in order, as a big one is
		for _, f := range []ticket.Filter{
			{State: "all"},
			{State: "all", Sort: "created"},
			{State: "all", Sort: "oldest"},
			{State: "all", Sort: "priority"},
			{State: "done", Sort: "priority"},
			{State: "all", Sort: ticket.SortDue},
			{StatusID: closed.ID},
			{StatusID: closed.ID, Sort: "oldest"},
			{State: "all", Query: "drucker"},
			{State: "all", Pending: true, Sort: "oldest"},
		} {
			comparePaging(t, "queue", f, queue)
		}
		var main principal.Contact
		main.TenantID, main.Role = ten.ID, principal.RoleMain
		if err := d.QueryRow(ctx, `SELECT t.company_id, MIN(m.contact_id) FROM tickets t JOIN memberships m ON m.company_id = t.company_id AND m.role = 'main'
			WHERE t.tenant_id = ? GROUP BY t.company_id ORDER BY COUNT(*) DESC, t.company_id LIMIT 1`, ten.ID).Scan(&main.CompanyID, &main.ContactID); err != nil {
			t.Fatal(err)
		}
		portal := func(f ticket.Filter) ([]ticket.Ticket, bool, error) { return ticket.ListForContact(ctx, d, main, f) }
		for _, sort := range ticket.Sorts {
			comparePaging(t, "portal", ticket.Filter{State: "all", Sort: sort}, portal)
		}

		// The cursor, not the number, says where a page starts: after page 5's last
		// ticket comes page 6, whatever number the link carries.
		f := ticket.Filter{State: "all", Sort: "oldest", Page: 5}
		fifth, _, err := queue(f)
		if err != nil {
			t.Fatal(err)
		}
		f.Page = 6
		sixth, _, err := queue(f)
		if err != nil {
			t.Fatal(err)
		}
		f.Page, f.After = 2, f.Cursor(fifth[len(fifth)-1])
		if got, _, err := queue(f); err != nil || !slices.Equal(ids(got), ids(sixth)) {
			t.Errorf("after page 5 (%s): %v, %v; want page 6 %v", f.After, ids(got), err, ids(sixth))
		}

		// A cursor of another order, or a mangled one, leaves the page to its number.
		f = ticket.Filter{State: "all", Sort: "oldest", Page: 2}
		want, _, err := queue(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, after := range []string{"updated.1700000000.5", "oldest.x", "oldest.1.2", "oldest"} {
			f.After = after
			got, _, err := queue(f)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), ids(want)) {
				t.Errorf("after=%q: page 2 is %v, want %v", after, ids(got), ids(want))
			}
		}
		// On page 1 a place is not used: the list starts at its beginning.
		f = ticket.Filter{State: "all", Sort: "oldest", Page: 1}
		first, _, err := queue(f)
		if err != nil {
			t.Fatal(err)
		}
		f.After = f.Cursor(want[len(want)-1])
		if got, _, err := queue(f); err != nil || !slices.Equal(ids(got), ids(first)) {
			t.Errorf("page 1 with after=%s: %v, %v; want %v", f.After, ids(got), err, ids(first))
		}
	})
}

// comparePaging lists every page of f by number and by keyset and reports where they
// differ.
func comparePaging(t *testing.T, name string, f ticket.Filter, list func(ticket.Filter) ([]ticket.Ticket, bool, error)) {
	t.Helper()
	var byNumber, byKey []int64
	for p, more := 1, true; more; p++ {
		f.Page = p
		page, m, err := list(f)
		if err != nil {
			t.Fatal(err)
		}
		byNumber, more = append(byNumber, ids(page)...), m
	}
	f.Page = 1
	for more := true; more; f.Page++ {
		page, m, err := list(f)
		if err != nil {
			t.Fatal(err)
		}
		if byKey, more = append(byKey, ids(page)...), m; more {
			f.After = f.Cursor(page[len(page)-1])
		}
	}
	if f.State == "all" && f.Query == "" && !f.Pending && f.Sort != ticket.SortDue && len(byNumber) <= 2*ticket.PageSize {
		t.Errorf("%s %+v: only %d tickets; the test wants more than two pages", name, f, len(byNumber))
	}
	if !slices.Equal(byNumber, byKey) {
		t.Errorf("%s %+v: by number %d tickets, by keyset %d; first difference at %d", name, f, len(byNumber), len(byKey), firstDiff(byNumber, byKey))
	}
}

func firstDiff(a, b []int64) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
