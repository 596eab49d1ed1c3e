package ticket_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestPortalActivity: what staff do that contacts never see — an internal note, an
// assignment, billing — moves neither a ticket's "last activity" in the portal's list
// nor its place in it (it would tell the customer that staff wrote something about
// them); a public reply and a status change the portal shows move both. The staff
// queue counts everything.
func TestPortalActivity(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		t0 := time.Unix(1_790_000_000, 0)
		ten, err := tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, t0)
		if err != nil {
			t.Fatal(err)
		}
		co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Acme"}, t0)
		if err != nil {
			t.Fatal(err)
		}
		agent, err := staff.Create(ctx, d, staff.Member{TenantID: ten.ID, Name: "Erika", Email: "erika@service.test", Role: staff.RoleAgent,
			PasswordHash: signedIn}, t0)
		if err != nil {
			t.Fatal(err)
		}
		open := func(title string, at time.Time) int64 {
			id, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, Author: "Kunde", Title: title, Body: "x"}, at)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		older, newer := open("older", t0), open("newer", t0.Add(time.Hour))
		main := principal.Contact{TenantID: ten.ID, CompanyID: co.ID, ContactID: 1, Role: principal.RoleMain}
		portal := func() ([]int64, time.Time) {
			l, _, err := ticket.ListForContact(ctx, d, main, ticket.Filter{State: "all"})
			if err != nil {
				t.Fatal(err)
			}
			var at time.Time
			for _, tk := range l {
				if tk.ID == older {
					at = tk.UpdatedAt
				}
			}
			return ids(l), at
		}
		queue := func() []int64 {
			l, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{State: "all"})
			if err != nil {
				t.Fatal(err)
			}
			return ids(l)
		}
		get := func() ticket.Ticket {
			tk, err := ticket.ForStaff(ctx, d, ten.ID, older)
			if err != nil {
				t.Fatal(err)
			}
			return tk
		}
		by := ticket.Actor{StaffID: agent.ID, Name: "Erika"}
		at := t0.Add(2 * time.Hour)
		if _, err := ticket.AddReply(ctx, d, get(), ticket.Reply{TenantID: ten.ID, TicketID: older, StaffID: agent.ID,
			Author: "Erika", Internal: true, Body: "Kunde ist schwierig"}, at); err != nil {
			t.Fatal(err)
		}
		if err := ticket.Assign(ctx, d, get(), agent.ID, by, at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		order, seen := portal()
		if want := []int64{newer, older}; !slices.Equal(order, want) || !seen.Equal(t0) {
			t.Errorf("after a note and an assignment the portal lists %v, older's activity %v; want %v, %v", order, seen, want, t0)
		}
		if c, _, err := ticket.ListForContact(ctx, d, main, ticket.Filter{State: "all", Sort: "priority"}); err != nil || !slices.Equal(ids(c), []int64{newer, older}) {
			t.Errorf("by priority: %v %v", ids(c), err)
		}
		if q := queue(); !slices.Equal(q, []int64{older, newer}) {
			t.Errorf("the staff queue should count the note: %v", q)
		}
		if tk, err := ticket.ForContact(ctx, d, main, older); err != nil || !tk.UpdatedAt.Equal(t0) {
			t.Errorf("the ticket as the portal reads it: %v %v", tk.UpdatedAt, err)
		}
		// A public reply is activity the customer sees.
		at = t0.Add(3 * time.Hour)
		if _, err := ticket.AddReply(ctx, d, get(), ticket.Reply{TenantID: ten.ID, TicketID: older, StaffID: agent.ID,
			Author: "Erika", Body: "Wir kümmern uns."}, at); err != nil {
			t.Fatal(err)
		}
		if order, seen := portal(); !slices.Equal(order, []int64{older, newer}) || !seen.Equal(at) {
			t.Errorf("after a public reply: %v, %v", order, seen)
		}
		// So is a status change the portal shows.
		resolved, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeResolved)
		if err != nil {
			t.Fatal(err)
		}
		at = t0.Add(4 * time.Hour)
		if _, err := ticket.SetStatus(ctx, d, get(), resolved.ID, by, at); err != nil {
			t.Fatal(err)
		}
		if _, seen := portal(); !seen.Equal(at) {
			t.Errorf("after resolving: %v, want %v", seen, at)
		}
	})
}
