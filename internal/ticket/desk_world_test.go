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
	"pforte/internal/ticket"
)

// deskWorld is where the automation and SLA tests start: a tenant named name, its
// company "Acme <name>" with the contact Anna Amsel (English, anna@<name>.test) and an
// agent; t0 is the fixed clock the tests count from.
type deskWorld struct {
	d      *db.DB
	ten    tenant.Tenant
	co, ct int64
	agent  ticket.Actor
	t0     time.Time
}

func newDeskWorld(t *testing.T, d *db.DB, name string, t0 time.Time) *deskWorld {
	t.Helper()
	ctx := context.Background()
	w := &deskWorld{d: d, t0: t0}
	var err error
	if w.ten, err = tenant.Create(ctx, d, name, "de", tenant.Modules, t0); err != nil {
		t.Fatal(err)
	}
	co, err := company.Create(ctx, d, company.Company{TenantID: w.ten.ID, Name: "Acme " + name}, t0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := contact.Create(ctx, d, contact.Contact{TenantID: w.ten.ID, FirstName: "Anna", LastName: "Amsel",
		Email: "anna@" + name + ".test", Language: "en"}, i18n.Languages, t0)
	if err != nil {
		t.Fatal(err)
	}
	m, err := staff.Create(ctx, d, staff.Member{TenantID: w.ten.ID, Email: "agent@" + name + ".test", Name: "Agent", Role: staff.RoleAgent}, t0)
	if err != nil {
		t.Fatal(err)
	}
	w.co, w.ct, w.agent = co.ID, c.ID, ticket.Actor{StaffID: m.ID, Name: m.Name}
	return w
}

func (w *deskWorld) get(t *testing.T, id int64) ticket.Ticket {
	t.Helper()
	tk, err := ticket.ForStaff(context.Background(), w.d, w.ten.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}
