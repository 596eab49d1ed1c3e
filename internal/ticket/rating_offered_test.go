package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestRatingOfferedNeedsAnswer: a done ticket is offered for rating only once staff
// wrote its customer a public reply. The customer's own messages, an internal note and
// the opening message staff wrote on the customer's behalf are no answer; an open
// ticket is never offered, answered or not.
func TestRatingOfferedNeedsAnswer(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now().Truncate(time.Second)
		ten, err := tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Acme"}, now)
		if err != nil {
			t.Fatal(err)
		}
		ct, err := contact.Create(ctx, d, contact.Contact{TenantID: ten.ID, FirstName: "Jonas", LastName: "Jung", Email: "jonas@acme.test"}, i18n.Languages, now)
		if err != nil {
			t.Fatal(err)
		}
		m, err := staff.Create(ctx, d, staff.Member{TenantID: ten.ID, Email: "agent@service.test", Name: "Agent", Role: staff.RoleAgent}, now)
		if err != nil {
			t.Fatal(err)
		}
		load := func(id int64) ticket.Ticket {
			t.Helper()
			tk, err := ticket.ForStaff(ctx, d, ten.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			return tk
		}
		offered := func(id int64) bool {
			t.Helper()
			ok, err := ticket.RatingOffered(ctx, d, load(id))
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		reply := func(id int64, r ticket.Reply) {
			t.Helper()
			if _, err := ticket.AddReply(ctx, d, load(id), r, now); err != nil {
				t.Fatal(err)
			}
		}
		resolve := func(id int64) {
			t.Helper()
			st, err := ticket.StatusByCode(ctx, d, ten.ID, ticket.CodeResolved)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ticket.SetStatus(ctx, d, load(id), st.ID, ticket.Actor{Name: "Staff"}, now); err != nil {
				t.Fatal(err)
			}
		}
		own, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, Author: "Jonas",
			Title: "Drucker", Body: "kaputt"}, now)
		if err != nil {
			t.Fatal(err)
		}
		onBehalf, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, StaffID: m.ID,
			Author: "Staff", Title: "Anruf", Body: "Jonas rief an"}, now)
		if err != nil {
			t.Fatal(err)
		}
		reply(own, ticket.Reply{ContactID: ct.ID, Author: "Jonas", Body: "noch da?"})
		reply(own, ticket.Reply{StaffID: m.ID, Author: "Staff", Internal: true, Body: "intern"})
		resolve(own)
		resolve(onBehalf)
		if offered(own) || offered(onBehalf) {
			t.Errorf("offered without an answer: own %v, on behalf %v", offered(own), offered(onBehalf))
		}
		reply(own, ticket.Reply{StaffID: m.ID, Author: "Staff", Body: "Toner getauscht."})
		if !offered(own) {
			t.Error("answered and resolved ticket not offered")
		}
		if err := ticket.Reopen(ctx, d, load(own), true, ticket.Actor{Name: "Jonas", ContactID: ct.ID}, now); err != nil {
			t.Fatal(err)
		}
		if offered(own) {
			t.Error("open ticket offered")
		}
	})
}
