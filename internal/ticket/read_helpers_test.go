package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// readWorld is the world of the read-mark tests: a tenant with company Acme and its
// main contact Anna, a second company, two agents A and B, and Anna's ticket id.
type readWorld struct {
	ten       tenant.Tenant
	co, other company.Company
	ct        contact.Contact
	a, b      staff.Member
	anna      principal.Contact
	id        int64
}

func newReadWorld(t *testing.T, d *db.DB, now time.Time) *readWorld {
	t.Helper()
	ctx := context.Background()
	w := &readWorld{}
	var err error
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	w.ten, err = tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now)
	must(err)
	w.co, err = company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: "Acme"}, now)
	must(err)
	w.other, err = company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: "Other"}, now)
	must(err)
	w.ct, err = contact.Create(ctx, d, contact.Contact{TenantID: w.ten.ID, FirstName: "Anna", LastName: "Amsel", Email: "anna@acme.test"}, i18n.Languages, now)
	must(err)
	w.a, err = staff.Create(ctx, d, staff.Member{TenantID: w.ten.ID, Email: "a@service.test", Name: "A", Role: staff.RoleAgent,
		PasswordHash: signedIn}, now)
	must(err)
	w.b, err = staff.Create(ctx, d, staff.Member{TenantID: w.ten.ID, Email: "b@service.test", Name: "B", Role: staff.RoleAgent}, now)
	must(err)
	w.anna = principal.Contact{TenantID: w.ten.ID, ContactID: w.ct.ID, CompanyID: w.co.ID, Role: principal.RoleMain, SessionID: 1}
	w.id, err = ticket.Create(ctx, d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co.ID, ContactID: w.ct.ID, Author: "Anna", Title: "Printer", Body: "broken"}, now)
	must(err)
	return w
}

// load reads Anna's ticket as staff.
func (w *readWorld) load(t *testing.T, d *db.DB) ticket.Ticket {
	t.Helper()
	tk, err := ticket.ForStaff(context.Background(), d, w.ten.ID, w.id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// signedIn stands for the password hash of a staff member who accepted their
// invitation: only such members can be assigned tickets (ticket.Assign).
const signedIn = "accepted"
