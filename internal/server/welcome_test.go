package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestWelcomeMail: with the welcome-mail switch off, a contact staff add with a company
// gets no access and no mail (as before); with it on, a new contact and a contact added
// to a company get access at once and mail.welcome with the portal address, their
// username and a set-password link that works; never a password. The grant is audited.
func TestWelcomeMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		co := env.Company(ten, "Kunde AG")
		other := env.Company(ten, "Zweite AG")
		newContact := func(email, companyID string) string {
			t.Helper()
			r := adm.Post("/admin/contacts", url.Values{"first_name": {"Mia"}, "last_name": {"Neu"}, "email": {email},
				"company_id": {companyID}, "role": {"main"}})
			if r.Status != 303 {
				t.Fatalf("create contact %s: %d %.300s", email, r.Status, r.Body)
			}
			return r.Location
		}
		access := func(email string) []string {
			t.Helper()
			rows, err := env.DB.Query(t.Context(), `SELECT m.access FROM memberships m JOIN contacts c ON c.id = m.contact_id
				WHERE c.email = ? ORDER BY m.id`, email)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var out []string
			for rows.Next() {
				var a string
				rows.Scan(&a)
				out = append(out, a)
			}
			return out
		}
		mails := func(email string) int { return count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = ?`, email) }

		// Off: nothing changes.
		if !strings.Contains(adm.Get("/admin/settings").Body, `name="features" value="welcome_mail"`) {
			t.Fatalf("settings lack the welcome switch")
		}
		newContact("off@kunde.test", id(co.ID))
		if a := access("off@kunde.test"); len(a) != 1 || a[0] != "none" || mails("off@kunde.test") != 0 {
			t.Errorf("switch off: access %v, %d mails", a, mails("off@kunde.test"))
		}

		// On, through the settings page.
		r := adm.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"},
			"modules": {"helpdesk"}, "features": {"welcome_mail"}})
		if r.Status != 303 {
			t.Fatalf("settings: %d %.300s", r.Status, r.Body)
		}
		page := newContact("mia@kunde.test", id(co.ID))
		if p := adm.Get(page).Body; !strings.Contains(p, "Willkommens-E-Mail") {
			t.Errorf("no flash about the welcome mail")
		}
		if a := access("mia@kunde.test"); len(a) != 1 || a[0] != "invited" {
			t.Errorf("welcomed access: %v", a)
		}
		subject, text, htm := lastMail(t, env, "mia@kunde.test")
		origin := env.Srv.URL
		if subject != "Willkommen im Kundenportal von Service GmbH" || !strings.Contains(text, "Guten Tag Mia Neu") ||
			!strings.Contains(text, "unter "+origin+".") || !strings.Contains(text, "E-Mail-Adresse: mia@kunde.test") ||
			!strings.Contains(text, "Kunde AG") || !strings.Contains(htm, `href="`+origin+`/invitation/`) {
			t.Errorf("welcome mail: %q\n%s", subject, text)
		}
		if strings.Contains(strings.ToLower(text), "passwort:") {
			t.Errorf("welcome mail shows a password")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'access_granted' AND target LIKE 'mia@kunde.test%'`); n != 1 {
			t.Errorf("audit entries: %d", n)
		}
		// The link sets a password and logs in.
		link := linkIn(t, text)
		c := env.Client("")
		if r := c.Get(link); r.Status != 200 || !strings.Contains(r.Body, "mia@kunde.test") {
			t.Fatalf("welcome link: %d", r.Status)
		}
		if r := c.Post(link, url.Values{"password": {"mia-password-1"}, "password_confirm": {"mia-password-1"}}); r.Status != 303 || r.Location != "/" {
			t.Fatalf("set password: %d %q", r.Status, r.Location)
		}
		if r := c.Get("/"); r.Status != 200 || !strings.Contains(r.Body, "Kunde AG") {
			t.Errorf("home after welcome: %d", r.Status)
		}
		env.Client("").Login("mia@kunde.test", "mia-password-1")

		// Adding a membership: the contact without access so far is welcomed now; one
		// with a password gets access at once and the usual notice.
		off := mustRE(`/admin/contacts/\d+`).FindString(adm.Get("/admin/contacts?q=off").Body)
		if r := adm.Post(off+"/memberships", url.Values{"company_id": {id(other.ID)}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("add membership: %d", r.Status)
		}
		if a := access("off@kunde.test"); len(a) != 2 || a[1] != "invited" {
			t.Errorf("membership added with the switch on: %v", a)
		}
		if s, _, _ := lastMail(t, env, "off@kunde.test"); !strings.HasPrefix(s, "Willkommen") {
			t.Errorf("membership welcome: %q", s)
		}
		if r := adm.Post(page+"/memberships", url.Values{"company_id": {id(other.ID)}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("add membership: %d", r.Status)
		}
		if a := access("mia@kunde.test"); len(a) != 2 || a[1] != "active" {
			t.Errorf("membership of a contact with password: %v", a)
		}
		if s, _, _ := lastMail(t, env, "mia@kunde.test"); !strings.HasPrefix(s, "Neuer Zugang") {
			t.Errorf("access notice: %q", s)
		}
		// Without an email address there is nobody to welcome: created without access.
		r = adm.Post("/admin/contacts", url.Values{"first_name": {"Ohne"}, "last_name": {"Adresse"}, "company_id": {id(co.ID)}, "role": {"user"}})
		if r.Status != 303 {
			t.Fatalf("contact without email: %d", r.Status)
		}
		// Off again: a new contact gets nothing.
		adm.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"}, "modules": {"helpdesk"}})
		newContact("later@kunde.test", id(co.ID))
		if a := access("later@kunde.test"); len(a) != 1 || a[0] != "none" || mails("later@kunde.test") != 0 {
			t.Errorf("switched off again: %v", a)
		}
	})
}
