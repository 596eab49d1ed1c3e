package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestColleagues: a main contact invites a colleague (new address, and an existing
// contact of another company), changes a role, revokes access; cannot touch their own
// access; everything lands in the audit log for staff.
func TestColleagues(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co, other := env.Company(ten, "Kunde AG"), env.Company(ten, "Andere AG")
		boss := env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		env.Contact(ten, "extern@andere.test", "ext-password", "user", other)
		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		if !strings.Contains(c.Get("/").Body, `href="/colleagues"`) {
			t.Errorf("main contact has no colleagues link")
		}
		bad := c.Post("/colleagues", url.Values{"first_name": {"Neu"}, "email": {"neu@"}, "role": {"user"}})
		if bad.Status != 422 || !strings.Contains(bad.Body, "gültige E-Mail-Adresse") || !strings.Contains(bad.Body, `value="Neu"`) {
			t.Errorf("bad invitation: %d", bad.Status)
		}
		if r := c.Post("/colleagues", url.Values{"first_name": {"Neu"}, "last_name": {"Kollege"}, "email": {"neu@kunde.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "neu@kunde.test")
		link := linkIn(t, text)
		if r := c.Post("/colleagues", url.Values{"last_name": {"X"}, "email": {"neu@kunde.test"}, "role": {"user"}}); r.Status != 422 || !strings.Contains(r.Body, "bereits Zugang") {
			t.Errorf("second invitation for the same person: %d", r.Status)
		}
		// The existing contact of another company joins this one too.
		if r := c.Post("/colleagues", url.Values{"last_name": {"Extern"}, "email": {"extern@andere.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite existing contact: %d", r.Status)
		}
		// The colleague sets a password and lands as a plain user.
		n := env.Client("")
		if r := n.Post(link, url.Values{"password": {"colleague-pw-1"}, "password_confirm": {"colleague-pw-1"}}); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		if r := n.Get("/colleagues"); r.Status != 404 {
			t.Errorf("plain user reaches colleague management: %d", r.Status)
		}
		ms, _ := contact.MembershipsOfCompany(context.Background(), env.DB, ten.ID, co.ID)
		ids := map[string]int64{}
		for _, m := range ms {
			ids[m.Email] = m.ID
		}
		if r := c.Post("/colleagues/"+id(ids["neu@kunde.test"])+"/role", url.Values{"role": {"main"}}); r.Status != 303 {
			t.Fatalf("role: %d", r.Status)
		}
		if b := c.Get("/colleagues").Body; !strings.Contains(b, "Die Rolle wurde geändert.") || strings.Contains(b, deMsg("portalpolish.role_lowered")) {
			t.Errorf("promotion: flash missing, or it says the colleague was signed out")
		}
		// A promotion keeps the colleague signed in, with the new rights at once.
		if r := n.Get("/colleagues"); r.Status != 200 {
			t.Errorf("promoted colleague's session: %d", r.Status)
		}
		if r := c.Post("/colleagues/"+id(ids["chefin@kunde.test"])+"/revoke", nil); r.Status != 422 || !strings.Contains(r.Body, "eigenen Zugang") {
			t.Errorf("own revocation: %d", r.Status)
		}
		if r := c.Post("/colleagues/"+id(ids["neu@kunde.test"])+"/revoke", nil); r.Status != 303 {
			t.Fatalf("revoke: %d", r.Status)
		}
		if b := c.Get("/colleagues").Body; !strings.Contains(b, "Der Zugang wurde entzogen.") {
			t.Errorf("no flash after revoking access")
		}
		// An invitation nobody accepted yet is withdrawn, and the flash says so.
		if r := c.Post("/colleagues/"+id(ids["extern@andere.test"])+"/revoke", nil); r.Status != 303 {
			t.Fatalf("withdraw invitation: %d", r.Status)
		}
		if b := c.Get("/colleagues").Body; !strings.Contains(b, "Die Einladung wurde zurückgezogen.") {
			t.Errorf("no flash after withdrawing an invitation")
		}
		if r := n.Get("/"); r.Status != 303 {
			t.Errorf("revoked colleague still logged in")
		}
		var count int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE actor LIKE ? AND action IN ('invitation_sent', 'role_changed', 'access_revoked')`,
			"contact:"+id(boss.ID)+" %").Scan(&count)
		if count != 4 {
			t.Errorf("%d audit entries by the main contact", count)
		}
	})
}
