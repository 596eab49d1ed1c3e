package ticket_test

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestUserListSetAndFilter: a plain user's list is the same whether their own tickets
// in the list's state count as few (a set of ids narrowed to the state) or as many (a
// filter over the company's rows), for every state, a status, a search, a number, the
// orders and a second page — and the two ways never show a colleague's ticket the user
// neither opened nor follows.
func TestUserListSetAndFilter(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := scaled(t, d, 1500, 3)
		user := principal.Contact{TenantID: ten.ID, Role: principal.RoleUser}
		if err := d.QueryRow(ctx, `SELECT t.company_id, t.contact_id FROM tickets t JOIN memberships m
			ON m.company_id = t.company_id AND m.contact_id = t.contact_id AND m.role = 'user'
			WHERE t.tenant_id = ? GROUP BY t.company_id, t.contact_id ORDER BY COUNT(*) DESC LIMIT 1`, ten.ID).
			Scan(&user.CompanyID, &user.ContactID); err != nil {
			t.Fatal(err)
		}
		waiting, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		var own int64
		if err := d.QueryRow(ctx, `SELECT MAX(id) FROM tickets WHERE contact_id = ? AND company_id = ?`,
			user.ContactID, user.CompanyID).Scan(&own); err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, f := range []ticket.Filter{
			{}, {State: "done"}, {State: "all"}, {State: "done", Page: 2}, {State: "all", Sort: "priority"},
			{State: "all", Sort: "oldest"}, {StatusID: waiting.ID}, {State: "all", Query: "drucker"},
			{State: "all", Query: "#" + strconv.FormatInt(own, 10)}, {Limit: ticket.RecentLimit},
		} {
			restore := ticket.SetManyOwn(1 << 30)
			set, moreSet, err := ticket.ListForContact(ctx, d, user, f)
			ticket.SetManyOwn(1)
			filter, moreFilter, err2 := ticket.ListForContact(ctx, d, user, f)
			restore()
			if err != nil || err2 != nil {
				t.Fatal(err, err2)
			}
			if !slices.Equal(ids(set), ids(filter)) || moreSet != moreFilter {
				t.Errorf("%+v: set %v (more %v), filter %v (more %v)", f, ids(set), moreSet, ids(filter), moreFilter)
			}
			for _, tk := range set {
				var mine bool
				if err := d.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM tickets WHERE id = ? AND contact_id = ?)
					OR EXISTS (SELECT 1 FROM ticket_followers WHERE ticket_id = ? AND contact_id = ?)`,
					tk.ID, user.ContactID, tk.ID, user.ContactID).Scan(&mine); err != nil {
					t.Fatal(err)
				}
				if !mine {
					t.Errorf("%+v: #%d is neither the user's nor followed", f, tk.ID)
				}
			}
			seen += len(set)
		}
		if seen == 0 {
			t.Fatal("the user's lists were all empty: the comparison proved nothing")
		}
	})
}
