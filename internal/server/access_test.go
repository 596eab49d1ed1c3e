package server_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestInvitationFlow walks staff → company → contact → grant → mail → set password →
// portal, over HTTP through the whole stack, and checks the link works only once.
func TestInvitationFlow(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		st := env.Client("")
		st.AdminLogin("agent@service.test", "agent-password")

		r := st.Post("/admin/companies", url.Values{"name": {"Kunde AG"}, "email_domains": {"kunde.test"}})
		if r.Status != 303 {
			t.Fatalf("create company: %d %.300s", r.Status, r.Body)
		}
		companyPath := r.Location
		companyID := strings.TrimPrefix(companyPath, "/admin/companies/")
		r = st.Post("/admin/contacts", url.Values{"first_name": {"Jörg"}, "last_name": {"Kunde"},
			"email": {"Joerg@Kunde.test"}, "company_id": {companyID}, "role": {"main"}})
		if r.Status != 303 {
			t.Fatalf("create contact: %d %.300s", r.Status, r.Body)
		}
		if list := st.Get("/admin/contacts?q=kunde").Body; !strings.Contains(list, "Kunde AG") {
			t.Errorf("contact list lacks the company column")
		}
		page := st.Get(companyPath).Body
		grant := mustRE(`/admin/memberships/(\d+)/grant`).FindString(page)
		if grant == "" {
			t.Fatalf("no grant form on company page")
		}
		if r = st.Post(grant, url.Values{"role": {"main"}}); r.Status != 303 {
			t.Fatalf("grant: %d", r.Status)
		}
		if !strings.Contains(st.Get(companyPath).Body, "Eingeladen") {
			t.Errorf("company page does not show the invited state")
		}
		// Granting again at once is refused with a note; a while later it resends and
		// says so (not "granted").
		invites := func() int { return count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'joerg@kunde.test'`) }
		if st.Post(grant, url.Values{"role": {"main"}}); invites() != 1 || !strings.Contains(st.Get(companyPath).Body, "weniger als zwei Minuten") {
			t.Errorf("second grant at once: %d invitations", invites())
		}
		env.DB.Exec(context.Background(), `UPDATE tokens SET created_at = created_at - 600`)
		if st.Post(grant, url.Values{"role": {"main"}}); invites() != 2 || !strings.Contains(st.Get(companyPath).Body, "erneut gesendet") {
			t.Errorf("resend a while later: %d invitations", invites())
		}
		for filter, want := range map[string]bool{"invited": true, "portal": true, "active": false, "none": false, "": true} {
			if got := strings.Contains(st.Get("/admin/contacts?access="+filter).Body, "joerg@kunde.test"); got != want {
				t.Errorf("contact list filter %q lists the invited contact: %v", filter, got)
			}
		}
		subject, text := lastMailTo(t, env, "joerg@kunde.test")
		if !strings.Contains(subject, "Kundenportal") || !strings.Contains(text, "Guten Tag Jörg Kunde") {
			t.Errorf("invitation mail not German or not personal: %q\n%s", subject, text)
		}
		// The outbox lists it (with the link to open), and the file store holds it.
		if r := st.Get("/admin/outbox"); !strings.Contains(r.Body, "joerg@kunde.test") {
			t.Errorf("outbox does not list the invitation")
		}
		// A staff invitation makes its reader staff: agents do not see it in the outbox.
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password")
		adm := env.Client("")
		adm.AdminLogin("admin@service.test", "admin-password")
		if r := adm.Post("/admin/staff", url.Values{"name": {"Neu"}, "email": {"neu@service.test"}, "role": {"admin"}}); r.Status != 303 {
			t.Fatalf("invite staff: %d", r.Status)
		}
		lastMailTo(t, env, "neu@service.test")
		if strings.Contains(st.Get("/admin/outbox").Body, "neu@service.test") || !strings.Contains(adm.Get("/admin/outbox").Body, "neu@service.test") {
			t.Errorf("staff invitation visible to the agent or hidden from the admin")
		}
		var staffMail int64
		env.DB.QueryRow(context.Background(), `SELECT id FROM mails WHERE to_addr = 'neu@service.test'`).Scan(&staffMail)
		if r := st.Get("/admin/outbox/" + id(staffMail)); r.Status != 404 {
			t.Errorf("agent opens a staff invitation: %d", r.Status)
		}
		files, _ := filepath.Glob(filepath.Join(env.Data, "outbox", "*.eml"))
		if len(files) != 3 { // the invitation, its resend, the staff invitation
			t.Errorf("stored mails: %v", files)
		}
		link := linkIn(t, text)

		c := env.Client("")
		if r = c.Get(link); r.Status != 200 || !strings.Contains(r.Body, "joerg@kunde.test") {
			t.Fatalf("invitation page: %d", r.Status)
		}
		r = c.Post(link, url.Values{"password": {"short"}, "password_confirm": {"short"}})
		if r.Status != 422 || !strings.Contains(r.Body, "mindestens 10 Zeichen") {
			t.Fatalf("short password: %d", r.Status)
		}
		r = c.Post(link, url.Values{"password": {"a long password"}, "password_confirm": {"another long one"}})
		if r.Status != 422 || !strings.Contains(r.Body, "stimmen nicht überein") {
			t.Fatalf("mismatch: %d", r.Status)
		}
		r = c.Post(link, url.Values{"password": {"a long password"}, "password_confirm": {"a long password"}})
		if r.Status != 303 || r.Location != "/" {
			t.Fatalf("set password: %d %q", r.Status, r.Location)
		}
		if r = c.Get("/"); r.Status != 200 || !strings.Contains(r.Body, "Kunde AG") || !strings.Contains(r.Body, `lang="de"`) {
			t.Fatalf("home after invitation: %d", r.Status)
		}
		// The link is used up; a fresh visitor gets a clear message.
		if r = env.Client("").Get(link); r.Status != 410 || !strings.Contains(r.Body, "bereits verwendet") {
			t.Errorf("used link: %d", r.Status)
		}
		if !strings.Contains(st.Get(companyPath).Body, ">Aktiv<") {
			t.Errorf("company page does not show active access")
		}
		if !strings.Contains(st.Get("/admin/contacts?access=active").Body, "joerg@kunde.test") {
			t.Errorf("active filter misses the contact")
		}
		// Log in again with the new password, email in any case.
		env.Client("").Login("JOERG@kunde.test", "a long password")
	})
}

// TestExpiredInvitation shows the expiry message and refuses the password.
func TestExpiredInvitation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "late@kunde.test", "", "user", co)
		ms := memberships(t, env, ten.ID, ct.ID)
		if err := env.App.Access.Grant(context.Background(), ten, actor, ms[0], "user", "http://x"); err != nil {
			t.Fatal(err)
		}
		_, text := lastMailTo(t, env, "late@kunde.test")
		link := linkIn(t, text)
		env.DB.Exec(context.Background(), `UPDATE tokens SET expires_at = ?`, time.Now().Add(-time.Minute).Unix())
		c := env.Client("")
		if r := c.Get(link); r.Status != 410 || !strings.Contains(r.Body, "abgelaufen") {
			t.Errorf("expired link page: %d", r.Status)
		}
		if r := c.Post(link, url.Values{"password": {"a long password"}, "password_confirm": {"a long password"}}); r.Status != 410 {
			t.Errorf("expired link submit: %d", r.Status)
		}
		if r := c.Get("/invitation/not-a-real-token"); r.Status != 410 || !strings.Contains(r.Body, "ungültig") {
			t.Errorf("unknown link: %d", r.Status)
		}
	})
}

// TestSMTPDelivery sends the invitation through a real SMTP server.
func TestSMTPDelivery(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "mail@kunde.test", "", "user", co)
		env.DB.Exec(context.Background(), `UPDATE contacts SET language = 'en' WHERE id = ?`, ct.ID)
		ms := memberships(t, env, ten.ID, ct.ID)
		if err := env.App.Access.Grant(context.Background(), ten, actor, ms[0], "user", "http://portal.test"); err != nil {
			t.Fatal(err)
		}
		env.App.Worker.Wake()
		got := smtp.WaitFor(t, 1, 10*time.Second)[0]
		if got.To[0] != "mail@kunde.test" || !strings.Contains(got.Subject, "customer portal") {
			t.Errorf("mail: to %v subject %q", got.To, got.Subject)
		}
		if !strings.Contains(got.Text, "http://portal.test/invitation/") || !strings.Contains(got.HTML, `href="http://portal.test/invitation/`) {
			t.Errorf("mail parts lack the link:\n%s\n%s", got.Text, got.HTML)
		}
		if _, err := os.Stat(filepath.Join(env.Data, "outbox")); err == nil {
			t.Errorf("with SMTP configured, no file should be stored")
		}
	})
}

// TestLoginErrors: unknown email and wrong password answer alike; throttling after five
// failures even for the right password; the message is clear.
func TestLoginErrors(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "known@kunde.test", "right-password", "user", co)
		c := env.Client("")
		unknown := c.Post("/login", url.Values{"email": {"nobody@kunde.test"}, "password": {"whatever-pw"}})
		wrong := c.Post("/login", url.Values{"email": {"known@kunde.test"}, "password": {"wrong-password"}})
		if unknown.Status != 422 || wrong.Status != 422 || unknown.Body != strings.ReplaceAll(wrong.Body, "known@", "nobody@") {
			t.Errorf("unknown email and wrong password differ: %d %d", unknown.Status, wrong.Status)
		}
		if !strings.Contains(wrong.Body, `value="known@kunde.test"`) {
			t.Errorf("typed email not kept")
		}
		empty := c.Post("/login", url.Values{})
		if empty.Status != 422 || !strings.Contains(empty.Body, "Bitte füllen Sie dieses Feld aus.") {
			t.Errorf("empty login: %d", empty.Status)
		}
		for range 4 {
			c.Post("/login", url.Values{"email": {"known@kunde.test"}, "password": {"wrong-password"}})
		}
		r := c.Post("/login", url.Values{"email": {"known@kunde.test"}, "password": {"right-password"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
			t.Errorf("throttle: %d", r.Status)
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed'`).Scan(&n)
		if n < 5 {
			t.Errorf("audit log has %d failed logins", n)
		}
	})
}

// TestSessions: password change (not to the same password) ends other sessions and
// mails a notice; revoking access ends the
// contact's sessions in that company; logout ends the session.
func TestSessions(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "s@kunde.test", "first-password", "main", co)
		one, two := env.Client(""), env.Client("")
		one.Login("s@kunde.test", "first-password")
		two.Login("s@kunde.test", "first-password")
		r := one.Post("/account/password", url.Values{"current": {"wrong"}, "password": {"second-password"}, "password_confirm": {"second-password"}})
		if r.Status != 422 || !strings.Contains(r.Body, "nicht korrekt") {
			t.Fatalf("wrong current password: %d", r.Status)
		}
		r = one.Post("/account/password", url.Values{"current": {"first-password"}, "password": {"first-password"}, "password_confirm": {"first-password"}})
		if r.Status != 422 || !strings.Contains(r.Body, "dasselbe wie das bisherige") {
			t.Fatalf("unchanged password: %d", r.Status)
		}
		r = one.Post("/account/password", url.Values{"current": {"first-password"}, "password": {"second-password"}, "password_confirm": {"second-password"}})
		if r.Status != 303 {
			t.Fatalf("change password: %d", r.Status)
		}
		if subject, _ := lastMailTo(t, env, "s@kunde.test"); !strings.Contains(subject, "wurde geändert") {
			t.Errorf("no notice after the change: %q", subject)
		}
		if one.Get("/").Status != 200 {
			t.Errorf("own session ended by password change")
		}
		if r := two.Get("/"); r.Status != 303 {
			t.Errorf("other session survived password change: %d", r.Status)
		}
		ms := memberships(t, env, ten.ID, ct.ID)
		if err := env.App.Access.Revoke(context.Background(), ten, actor, ms[0]); err != nil {
			t.Fatal(err)
		}
		if r := one.Get("/"); r.Status != 303 {
			t.Errorf("session survived revocation: %d", r.Status)
		}
		r = env.Client("").Post("/login", url.Values{"email": {"s@kunde.test"}, "password": {"second-password"}})
		if r.Status != 422 {
			t.Errorf("login after revocation: %d", r.Status)
		}
		// Logout.
		co2 := env.Company(ten, "Zweite AG")
		env.Contact(ten, "z@kunde.test", "zz-password", "user", co2)
		z := env.Client("")
		z.Login("z@kunde.test", "zz-password")
		cookie := z.Cookie(web.PortalCookie)
		z.Post("/logout", nil)
		again := env.Client("")
		again.SetCookie(web.PortalCookie, cookie)
		if r := again.Get("/"); r.Status != 303 {
			t.Errorf("session valid after logout")
		}
	})
}
