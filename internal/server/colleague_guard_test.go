package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestColleagueGuardOwnAccess: requests the colleagues page never sends (changing or
// revoking one's own access, a role it does not offer) answer 422 with the page and
// the reason in the reader's language, and change nothing.
func TestColleagueGuardOwnAccess(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		boss := env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		env.Contact(ten, "kollege@kunde.test", "user-password", "user", co)
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, boss.ID, "fr"); err != nil {
			t.Fatal(err)
		}
		fr := i18n.For("fr")
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		ms, err := contact.MembershipsOfCompany(ctx, env.DB, ten.ID, co.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids, roles := map[string]int64{}, func() map[string]string {
			ms, _ := contact.MembershipsOfCompany(ctx, env.DB, ten.ID, co.ID)
			out := map[string]string{}
			for _, m := range ms {
				out[m.Email] = m.Role + "/" + m.Access
			}
			return out
		}
		for _, m := range ms {
			ids[m.Email] = m.ID
		}
		before := roles()
		own := id(ids["chefin@kunde.test"])
		for _, tc := range []struct {
			path string
			form url.Values
			msg  string
		}{
			{"/colleagues/" + own + "/role", url.Values{"role": {"user"}}, "colleagues.self_failed"},
			{"/colleagues/" + own + "/revoke", nil, "colleagues.self_failed"},
			{"/colleagues/" + id(ids["kollege@kunde.test"]) + "/role", url.Values{"role": {"owner"}}, "qafix.colleagues.role_unknown_failed"},
		} {
			r := c.Post(tc.path, tc.form)
			if r.Status != 422 || !strings.Contains(r.Body, `class="flash error"`) || !strings.Contains(r.Body, html.EscapeString(fr.T(tc.msg))) ||
				!strings.Contains(r.Body, "kollege@kunde.test") {
				t.Errorf("%s %v: %d, want 422 with %q: %s", tc.path, tc.form, r.Status, fr.T(tc.msg), bulkFlash(r.Body))
			}
		}
		if after := roles(); len(after) != len(before) || after["chefin@kunde.test"] != before["chefin@kunde.test"] ||
			after["kollege@kunde.test"] != before["kollege@kunde.test"] {
			t.Errorf("refused requests changed memberships: %v → %v", before, after)
		}
	})
}

// TestColleagueGuardOpenerFollows: naming the ticket's opener as follower is refused
// with 422 and a message in the reader's language; no follower row appears.
func TestColleagueGuardOpenerFollows(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		en := i18n.For("en") // Anna's language
		tk := h.open(t, h.acme, h.bernd, "Drucker")
		anna := h.portal("anna@acme.test", "anna-password-1")
		page := "/tickets/" + itoa64(tk)
		r := anna.Post(page+"/followers", url.Values{"contact_id": {itoa64(h.bernd.ID)}})
		if r.Status != 422 || !strings.Contains(r.Body, html.EscapeString(en.T("colleague_guard.opener_follows"))) {
			t.Errorf("opener as follower: %d, want 422 with the reason: %s", r.Status, bulkFlash(r.Body))
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_followers WHERE ticket_id = ?`, tk); n != 0 {
			t.Errorf("%d followers after the refusal", n)
		}
		// Anna herself still may follow.
		if r := anna.Post(page+"/followers", url.Values{"contact_id": {itoa64(h.anna.ID)}}); r.Status != 303 {
			t.Errorf("follow oneself: %d", r.Status)
		}
	})
}

// TestColleagueGuardApproveRole: approving a registration with a role the list does
// not offer answers 422 with the message at that registration's role field; the item
// stays open.
func TestColleagueGuardApproveRole(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "a.test")
		coA := env.Company(ten, "Alpha AG")
		setDomains(t, env, coA.ID, "alpha.test")
		env.Contact(ten, "chef@alpha.test", "chef-password-1", "main", coA)
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password-1")
		tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureRegistration, tenant.FeatureMainApproves})
		item := registered(t, env, env.Client("a.test"), "neu@alpha.test", "Alpha")
		chef := env.Client("a.test")
		chef.Login("chef@alpha.test", "chef-password-1")
		de := i18n.For("de")
		r := chef.Post("/colleagues/registrations/"+id(item)+"/approve", url.Values{"role": {"admin"}})
		want := `<p class="error-msg" id="reg-role-e-` + id(item) + `">` + html.EscapeString(de.T("error.choice")) + `</p>`
		if r.Status != 422 || !strings.Contains(r.Body, want) || !strings.Contains(r.Body, `aria-describedby="reg-role-e-`+id(item)+`"`) {
			t.Errorf("approve with role admin: %d, want 422 and %s", r.Status, want)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM contacts WHERE email = 'neu@alpha.test'`); n != 0 {
			t.Errorf("refused approval created the contact")
		}
	})
}
