package e2e

import (
	"context"
	"regexp"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

var invitationLink = regexp.MustCompile(`https?://\S+/invitation/\S+`)

// TestMainContactInvitesColleague: a main contact invites a colleague from the portal;
// the colleague sets a password and works as a plain user, who cannot reach the
// colleague management.
func TestMainContactInvitesColleague(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "main", co)

		boss := newSession(t, browser, env.Srv.URL, "main contact")
		login(boss, contactEmail, contactPass)
		boss.clickTo(`nav a[href="/colleagues"]`, "#f-last_name")
		boss.fill("first_name", "Karla")
		boss.fill("last_name", "Kollegin")
		boss.fill("email", "karla@kunde.test")
		boss.clickTo(`form[action="/colleagues"] button[type=submit]`, ".flash.success")

		link := waitForMail(t, env, "karla@kunde.test", invitationLink)
		karla := newSession(t, browser, env.Srv.URL, "colleague")
		karla.open(link, "#f-password")
		karla.fill("password", "karla-password-2026")
		karla.fill("password_confirm", "karla-password-2026")
		karla.clickTo("main form button[type=submit]", "main .tiles")
		if karla.eval(`String(document.querySelectorAll('nav a[href="/colleagues"]').length)`) != "0" {
			karla.fatalf("a plain user sees the colleagues link")
		}
		if status := karla.openStatus("/colleagues", "main h1"); status != 404 {
			karla.fatalf("a plain user reaches /colleagues: status %d", status)
		}
	})
}

// login logs a session in through the portal's login form.
func login(s *session, email, password string) {
	s.t.Helper()
	s.open("/login", "#f-email")
	s.fill("email", email)
	s.fill("password", password)
	s.clickTo(`form[action="/login"] button[type=submit]`, "main .tiles")
}

// waitForMail returns the first match of re in the newest mail to addr.
func waitForMail(t *testing.T, env *apptest.Env, addr string, re *regexp.Regexp) string {
	t.Helper()
	var text string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		env.DB.QueryRow(context.Background(), `SELECT text_body FROM mails WHERE to_addr = ? ORDER BY id DESC LIMIT 1`, addr).Scan(&text)
		if m := re.FindString(text); m != "" {
			return m
		}
	}
	t.Fatalf("no mail to %s matching %s:\n%s", addr, re, text)
	return ""
}
