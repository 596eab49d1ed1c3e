package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestRegistrationMainContact: with the tenant's switch, a main contact sees the open
// registrations of their company's domains on /colleagues and decides on them, into
// their own company only; another domain's item, another tenant's, and everything with
// the switch off is a 404; staff see which contact handled the item.
func TestRegistrationMainContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "a.test", "a2.test") // a2.test: first used after the switch is off
		coA, coB := env.Company(ten, "Alpha AG"), env.Company(ten, "Beta AG")
		setDomains(t, env, coA.ID, "alpha.test")
		setDomains(t, env, coB.ID, "beta.test")
		env.Contact(ten, "chef@alpha.test", "chef-password-1", "main", coA)
		env.Contact(ten, "user@alpha.test", "user-password-1", "user", coA)
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
		other := env.Tenant("Other", "o.test")
		otherItem, err := inbox.Create(ctx, env.DB, inbox.Item{TenantID: other.ID, Kind: inbox.KindRegistration,
			Title: "x", Email: "fremd@alpha.test"}, map[string]string{"email": "fremd@alpha.test"}, env.App.Env.Now())
		if err != nil {
			t.Fatal(err)
		}
		tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureRegistration, tenant.FeatureMainApproves})
		guest := env.Client("a.test")
		mine := registered(t, env, guest, "neu@alpha.test", "Alpha")
		second := registered(t, env, guest, "zweit@alpha.test", "Alpha")
		foreign := registered(t, env, guest, "neu@beta.test", "Beta")

		chef := env.Client("a.test")
		chef.Login("chef@alpha.test", "chef-password-1")
		page := chef.Get("/colleagues").Body
		if !strings.Contains(page, "neu@alpha.test") || strings.Contains(page, "neu@beta.test") {
			t.Errorf("colleagues page shows the wrong registrations:\n%.3000s", page)
		}
		for _, item := range []int64{foreign, otherItem, 999999} {
			for _, action := range []string{"approve", "reject"} {
				r := chef.Post("/colleagues/registrations/"+id(item)+"/"+action, url.Values{"role": {"main"}, "reason": {"x"}})
				if r.Status != 404 || strings.Contains(r.Body, "neu@beta.test") {
					t.Errorf("%s of item %d: %d, want 404", action, item, r.Status)
				}
			}
		}
		user := env.Client("a.test")
		user.Login("user@alpha.test", "user-password-1")
		if r := user.Post("/colleagues/registrations/"+id(mine)+"/approve", url.Values{"role": {"user"}}); r.Status != 404 {
			t.Errorf("plain user approves: %d", r.Status)
		}
		// A reason is required to reject; the form comes back with the message.
		if r := chef.Post("/colleagues/registrations/"+id(second)+"/reject", url.Values{"reason": {""}}); r.Status != 422 ||
			!strings.Contains(r.Body, `id="reg-reason-e-`+id(second)+`"`) {
			t.Errorf("reject without reason: %d", r.Status)
		}
		if r := chef.Post("/colleagues/registrations/"+id(mine)+"/approve", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("approve: %d", r.Status)
		}
		if subject, text := lastMailTo(t, env, "neu@alpha.test"); !strings.Contains(subject, "freigegeben") || !strings.Contains(text, "/invitation/") {
			t.Errorf("approval mail: %q\n%s", subject, text)
		}
		var company, handler int64
		env.DB.QueryRow(ctx, `SELECT m.company_id FROM memberships m JOIN contacts c ON c.id = m.contact_id
			WHERE c.email = 'neu@alpha.test'`).Scan(&company)
		env.DB.QueryRow(ctx, `SELECT COALESCE(handled_by_contact_id, 0) FROM inbox_items WHERE id = ?`, mine).Scan(&handler)
		if company != coA.ID || handler == 0 {
			t.Errorf("approved into company %d by contact %d", company, handler)
		}
		if r := chef.Post("/colleagues/registrations/"+id(second)+"/reject", url.Values{"reason": {"Unbekannt"}}); r.Status != 303 {
			t.Fatalf("reject: %d", r.Status)
		}
		s := env.Client("a.test")
		s.AdminLogin("admin@service.test", "admin-password-1")
		if r := s.Get("/admin/inbox/" + id(mine)); !strings.Contains(r.Body, "vom Hauptkontakt") || !strings.Contains(r.Body, "chef@alpha.test") {
			t.Errorf("staff do not see which contact handled it")
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE actor LIKE 'contact:%' AND action IN ('registration_approved', 'registration_rejected')`).Scan(&n)
		if n != 2 {
			t.Errorf("%d audited decisions by the contact, want 2", n)
		}
		// With the switch off the section and the actions are gone.
		tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureRegistration})
		guest, chef = env.Client("a2.test"), env.Client("a2.test")
		chef.Login("chef@alpha.test", "chef-password-1")
		late := registered(t, env, guest, "spaet@alpha.test", "Alpha")
		if r := chef.Get("/colleagues"); strings.Contains(r.Body, "spaet@alpha.test") {
			t.Errorf("registrations shown with the switch off")
		}
		if r := chef.Post("/colleagues/registrations/"+id(late)+"/approve", url.Values{"role": {"user"}}); r.Status != 404 {
			t.Errorf("approve with the switch off: %d", r.Status)
		}
	})
}
