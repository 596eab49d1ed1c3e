package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInboxRegistrationSameName: "create company and approve" refuses a name an
// existing company has, with the company form's message, the name kept as typed, a link
// to the existing company and "create anyway"; ticked, a real namesake is created. The
// approve form's and the new-company form's role selects have ids of their own.
func TestInboxRegistrationSameName(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		alpen := env.Company(ten, "Alpen Logistik AG")
		c := env.Client("")
		c.AdminLogin("agent@service.test", "agent-password-1")
		path := registrationItem(t, env, ten.ID, "rita@alpen-logistik.test", "Alpen Logistik AG")

		page := c.Get(path).Body
		for want, n := range map[string]int{`id="f-role"`: 1, `for="f-role"`: 1, `id="f-new-role"`: 1, `for="f-new-role"`: 1} {
			if got := strings.Count(page, want); got != n {
				t.Errorf("%s %d times, want %d", want, got, n)
			}
		}
		r := c.Post(path+"/approve-new", url.Values{"company_name": {" Alpen Logistik AG "}, "role": {"main"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Eine Firma namens „Alpen Logistik AG“ gibt es bereits.") ||
			!strings.Contains(r.Body, `value="Alpen Logistik AG"`) || !strings.Contains(r.Body, `href="/admin/companies/`+id(alpen.ID)+`"`) ||
			!strings.Contains(r.Body, `name="same_name_ok"`) {
			t.Fatalf("same name: %d\n%.3000s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM companies WHERE tenant_id = ?`, ten.ID); n != 1 {
			t.Fatalf("%d companies after a refused duplicate", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND state = 'open'`, ten.ID); n != 1 {
			t.Fatalf("the registration was decided: %d open", n)
		}
		r = c.Post(path+"/approve-new", url.Values{"company_name": {"Alpen Logistik AG"}, "role": {"main"}, "same_name_ok": {"1"}})
		if r.Status != 303 {
			t.Fatalf("create anyway: %d %.1000s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM companies WHERE tenant_id = ? AND name = 'Alpen Logistik AG'`, ten.ID); n != 2 {
			t.Fatalf("create anyway: %d companies", n)
		}
	})
}

// TestInboxRegistrationKnownContact: a registration whose address belongs to a contact
// with access to a company (found today, though unknown when it was confirmed) warns on
// the item, naming the company and role; approving into that company with another role
// keeps the contact's role, and the message says so. Approving into another company
// gives the chosen role there.
func TestInboxRegistrationKnownContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		alpen, berg := env.Company(ten, "Alpen Logistik AG"), env.Company(ten, "Berg Transporte")
		anna := env.Contact(ten, "anna@alpen.test", "anna-password-1", "main", alpen)
		c := env.Client("")
		c.AdminLogin("agent@service.test", "agent-password-1")

		path := registrationItem(t, env, ten.ID, "anna@alpen.test", "Alpen Logistik")
		page := c.Get(path).Body
		if !strings.Contains(page, `id="known-access"`) || !strings.Contains(page, "hat bereits Portalzugang zu: Alpen Logistik AG (Hauptkontakt).") ||
			!strings.Contains(page, `href="/admin/contacts/`+id(anna.ID)+`"`) {
			t.Fatalf("no warning about the existing contact:\n%.4000s", page)
		}
		r := c.Post(path+"/approve", url.Values{"company_id": {id(alpen.ID)}, "role": {"user"}})
		if r.Status != 303 {
			t.Fatalf("approve: %d", r.Status)
		}
		if page := c.Get(r.Location).Body; !strings.Contains(page, "behält ihre Rolle dort") {
			t.Errorf("the message does not say the role was kept:\n%s", flashOf(page))
		}
		if m, err := contact.MembershipIn(ctx, env.DB, ten.ID, anna.ID, alpen.ID); err != nil || m.Role != "main" {
			t.Fatalf("role changed by approving: %q %v", m.Role, err)
		}

		// Into another company: the chosen role, and the usual message.
		path = registrationItem(t, env, ten.ID, "anna@alpen.test", "Berg Transporte")
		r = c.Post(path+"/approve", url.Values{"company_id": {id(berg.ID)}, "role": {"user"}})
		if page := c.Get(r.Location).Body; r.Status != 303 || strings.Contains(page, "behält ihre Rolle") {
			t.Errorf("approve into another company: %d %s", r.Status, flashOf(page))
		}
		if m, err := contact.MembershipIn(ctx, env.DB, ten.ID, anna.ID, berg.ID); err != nil || m.Role != "user" {
			t.Fatalf("new membership: %q %v", m.Role, err)
		}
	})
}

// registrationItem adds an open registration of email for company to the inbox and
// returns its page's path.
func registrationItem(t *testing.T, env *apptest.Env, tenantID int64, email, company string) string {
	t.Helper()
	n, err := inbox.Create(context.Background(), env.DB, inbox.Item{TenantID: tenantID, Kind: inbox.KindRegistration, Title: company,
		Email: email}, access.RegistrationPayload{FirstName: "Rita", LastName: "Neu", Email: email, Company: company,
		Language: "de"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return "/admin/inbox/" + id(n)
}
