package e2e

import (
	"context"
	"regexp"
	"strconv"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

var confirmLink = regexp.MustCompile(`https?://\S+/register/confirm/\S+`)

// TestSelfRegistration: a visitor registers from the login page, confirms the address
// from the mail, staff approve the registration in the inbox with the company its
// domain suggests, the invitation mail lets the person set a password, and they log in.
func TestSelfRegistration(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ctx := context.Background()
		ten := env.Tenant("Demo Service GmbH")
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		co := env.Company(ten, companyName)
		env.DB.Exec(ctx, `UPDATE companies SET email_domains = 'kunde.test' WHERE id = ?`, co.ID)
		env.Staff(ten, staff.RoleAgent, adminEmail, "agent-password-2026")
		const email, pw = "neu@kunde.test", "neu-kunde-password-2026"

		v := newSession(t, browser, env.Srv.URL, "visitor")
		v.open("/login", "#f-email")
		v.clickTo(`a[href="/register"]`, "#f-first_name")
		v.fill("first_name", "Nora")
		v.fill("last_name", "Neu")
		v.fill("email", email)
		v.fill("company", "Kunde")
		v.fill("phone", "+49 711 4711")
		v.clickTo(`form[action="/register"] button[type=submit]`, "main [role=status]")

		v.open(waitForMail(t, env, email, confirmLink), "main form button[type=submit]")
		v.clickTo("main form button[type=submit]", "main [role=status]")

		s := newSession(t, browser, env.Srv.URL, "staff")
		staffLogin(s, adminEmail, "agent-password-2026")
		s.clickTo(`nav a[href="/admin/inbox"]`, "table.list")
		s.clickTo(`table.list a[href^="/admin/inbox/"]`, "#f-company_id")
		if got := s.eval(`document.querySelector("#f-company_id").value`); got != strconv.FormatInt(co.ID, 10) {
			s.fatalf("suggested company %q, want %d", got, co.ID)
		}
		s.clickTo(`form[action$="/approve"] button[type=submit]`, ".flash.success")

		n := newSession(t, browser, env.Srv.URL, "new contact")
		n.open(waitForMail(t, env, email, invitationLink), "#f-password")
		n.fill("password", pw)
		n.fill("password_confirm", pw)
		n.clickTo("main form button[type=submit]", "main .tiles")

		login(newSession(t, browser, env.Srv.URL, "login"), email, pw)
	})
}

// staffLogin logs a session in through the back office's login form.
func staffLogin(s *session, email, password string) {
	s.t.Helper()
	s.open("/admin/login", "#f-email")
	s.fill("email", email)
	s.fill("password", password)
	s.clickTo(`form[action="/admin/login"] button[type=submit]`, "nav.mainnav")
}
