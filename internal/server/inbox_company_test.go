package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInboxRegistrationNewCompany: a registration from a company the portal does not
// know offers "create company and approve" with the name prefilled; bad input keeps
// what was typed, a public mail provider's domain is refused, and approving creates the
// company with the domain, gives the person access and is done once.
func TestInboxRegistrationNewCompany(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		c := env.Client("")
		c.AdminLogin("agent@service.test", "agent-password-1")
		ctx := context.Background()
		reg := func(email, company string) string {
			n, err := inbox.Create(ctx, env.DB, inbox.Item{TenantID: ten.ID, Kind: inbox.KindRegistration, Title: company,
				Email: email}, access.RegistrationPayload{FirstName: "Rita", LastName: "Neu", Email: email, Company: company,
				Language: "de"}, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			return "/admin/inbox/" + id(n)
		}
		path := reg("rita@neu-gmbh.test", "Neu GmbH")
		r := c.Get(path)
		if !strings.Contains(r.Body, "Firma anlegen und freigeben") || !strings.Contains(r.Body, `value="Neu GmbH"`) ||
			!strings.Contains(r.Body, "E-Mail-Domain neu-gmbh.test geben") {
			t.Fatalf("new-company form missing:\n%.2000s", r.Body)
		}
		if r := c.Post(path+"/approve-new", url.Values{"company_name": {"  "}, "add_domain": {"1"}, "role": {"main"}}); r.Status != 422 ||
			!strings.Contains(r.Body, `id="e-company_name"`) {
			t.Fatalf("empty name: %d", r.Status)
		}
		if r := c.Post(path+"/approve-new", url.Values{"company_name": {"Neu GmbH & Co"}, "role": {"boss"}}); r.Status != 422 ||
			!strings.Contains(r.Body, `value="Neu GmbH &amp; Co"`) {
			t.Fatalf("bad role: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM companies WHERE tenant_id = ?`, ten.ID); n != 0 {
			t.Fatalf("bad input created %d companies", n)
		}
		form := url.Values{"company_name": {"Neu GmbH"}, "add_domain": {"1"}, "role": {"main"}}
		if r := c.Post(path+"/approve-new", form); r.Status != 303 || r.Location != path {
			t.Fatalf("approve-new: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		var coID int64
		var domains string
		env.DB.QueryRow(ctx, `SELECT id, email_domains FROM companies WHERE tenant_id = ? AND name = 'Neu GmbH'`, ten.ID).Scan(&coID, &domains)
		if coID == 0 || domains != "neu-gmbh.test" {
			t.Fatalf("company: %d %q", coID, domains)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM memberships m JOIN contacts c ON c.id = m.contact_id
			WHERE c.email = 'rita@neu-gmbh.test' AND m.company_id = ? AND m.role = 'main'`, coID); n != 1 {
			t.Fatalf("membership: %d", n)
		}
		if subject, _ := lastMailTo(t, env, "rita@neu-gmbh.test"); subject == "" {
			t.Fatal("no access mail")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action IN ('company_created', 'registration_approved')`); n != 2 {
			t.Errorf("audit entries: %d", n)
		}
		// Twice: nothing more.
		c.Post(path+"/approve-new", form)
		if n := count(t, env, `SELECT COUNT(*) FROM companies WHERE tenant_id = ?`, ten.ID); n != 1 {
			t.Errorf("second approval: %d companies", n)
		}
		// A free-mail address cannot give its domain to a company; a taken domain neither.
		gpath := reg("max@gmail.com", "Max Einzel")
		if strings.Contains(c.Get(gpath).Body, "E-Mail-Domain gmail.com geben") {
			t.Error("gmail.com offered as a company domain")
		}
		if r := c.Post(gpath+"/approve-new", url.Values{"company_name": {"Max Einzel"}, "add_domain": {"1"}, "role": {"main"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "öffentlichen Mail-Anbieter") || !strings.Contains(r.Body, `value="Max Einzel"`) {
			t.Fatalf("public domain: %d", r.Status)
		}
		tpath := reg("tom@neu-gmbh.test", "Neu GmbH Zweig")
		if strings.Contains(c.Get(tpath).Body, "Firma anlegen und freigeben") {
			t.Error("a registration whose domain has a company offers a new company")
		}
		if r := c.Post(tpath+"/approve-new", url.Values{"company_name": {"Zweig"}, "add_domain": {"1"}, "role": {"user"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "gehört bereits zur Firma Neu GmbH") {
			t.Fatalf("taken domain: %d", r.Status)
		}
	})
}
