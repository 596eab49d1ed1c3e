package admin_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// office is a tenant with a customer company, one of its contacts, an admin and an
// agent, both signed in to the back office: a working day's cast.
type office struct {
	env         *apptest.Env
	ten         tenant.Tenant
	co          company.Company
	ct          contact.Contact
	admin       *apptest.Client
	agent       *apptest.Client
	agentMember staff.Member
}

func newOffice(t *testing.T, e db.Engine) *office {
	t.Helper()
	env := apptest.Start(t, e)
	o := &office{env: env, ten: env.Tenant("Service GmbH", "a.test")}
	o.co = env.Company(o.ten, "Kunde A")
	o.ct = env.Contact(o.ten, "anna@kunde-a.test", "kunde-a-password", "main", o.co)
	env.Staff(o.ten, "admin", "admin@service.test", "admin-password")
	o.agentMember = env.Staff(o.ten, "agent", "agent@service.test", "agent-password")
	o.admin = env.Client("a.test")
	o.admin.AdminLogin("admin@service.test", "admin-password")
	o.agent = env.Client("a.test")
	o.agent.AdminLogin("agent@service.test", "agent-password")
	return o
}

// ticket opens a ticket of the office's contact, as from the portal.
func (o *office) ticket(t *testing.T, title string) int64 {
	t.Helper()
	var id int64
	err := o.env.DB.InTx(context.Background(), func(tx *db.Tx) error {
		var err error
		id, err = ticket.Create(context.Background(), tx, ticket.New{TenantID: o.ten.ID, CompanyID: o.co.ID,
			ContactID: o.ct.ID, Author: "Anna", Title: title, Body: "Text of " + title, Priority: ticket.PriorityNormal}, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// setStatus moves a ticket into the tenant's built-in status code.
func (o *office) setStatus(t *testing.T, id int64, code string) {
	t.Helper()
	ctx := context.Background()
	err := o.env.DB.InTx(ctx, func(tx *db.Tx) error {
		st, err := ticket.StatusByCode(ctx, tx, o.ten.ID, code)
		if err != nil {
			return err
		}
		tk, err := ticket.ForStaff(ctx, tx, o.ten.ID, id)
		if err != nil {
			return err
		}
		_, err = ticket.SetStatus(ctx, tx, tk, st.ID, ticket.Actor{Name: "Test"}, time.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

// onlyModules switches the tenant's modules to mods, as an admin does in the settings.
func (o *office) onlyModules(t *testing.T, mods ...string) {
	t.Helper()
	f := url.Values{"name": {o.ten.Name}, "language": {"de"}, "modules": mods, "hosts": {"a.test"}}
	if r := o.admin.Post("/admin/settings", f); r.Status != 303 {
		t.Fatalf("settings: %d %.500s", r.Status, r.Body)
	}
}
