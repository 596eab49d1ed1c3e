package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestTwoFactorEnableAndLogin: a contact switches TOTP on (a wrong code first, then the
// right one), gets a notice; from then on the password alone opens no session, the code
// that switched TOTP on is refused as used, the next code logs in and is refused the
// second time; a password reset from the mailbox asks for the code too, and without it
// sets no password.
func TestTwoFactorEnableAndLogin(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "zwei@kunde.test", "zwei-password-1", "user", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		c := env.Client("")
		c.Login("zwei@kunde.test", "zwei-password-1")
		if page := c.Get("/account").Body; !strings.Contains(page, "Zwei-Faktor-Anmeldung ist ausgeschaltet") {
			t.Fatalf("account page lacks the two-factor section")
		}
		secret := setupTOTP(t, c)
		wrong := "000000"
		if wrong == code(t, secret, 0) || wrong == nextCode(t, secret) {
			wrong = "111111"
		}
		r := c.Post("/account/twofactor/confirm", url.Values{"code": {wrong}})
		if r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") || !strings.Contains(r.Body, secret) {
			t.Fatalf("wrong code: %d %.500s", r.Status, r.Body)
		}
		if on, _ := env.App.Access.TwoFactorOn(context.Background(), ten.ID, ct.ID); on {
			t.Fatal("TOTP on after a wrong code")
		}
		used := code(t, secret, 0)
		r = c.Post("/account/twofactor/confirm", url.Values{"code": {used}})
		if r.Status != 200 || len(recoveryRE.FindAllString(r.Body, -1)) != 10 {
			t.Fatalf("right code: %d", r.Status)
		}
		if subject, _ := lastMailTo(t, env, "zwei@kunde.test"); !strings.Contains(subject, "eingeschaltet") {
			t.Errorf("no notice mail: %q", subject)
		}
		if auditCount(t, env, ct.ID, "twofactor_enabled") != 1 {
			t.Error("enabling not audited")
		}
		// The secret is not stored readable.
		var stored string
		env.DB.QueryRow(context.Background(), `SELECT secret FROM contact_totp WHERE contact_id = ?`, ct.ID).Scan(&stored)
		if strings.Contains(stored, secret) || !strings.HasPrefix(stored, "v1:") {
			t.Errorf("secret stored as %q", stored)
		}
		c.Post("/logout", nil)

		l := env.Client("")
		passwordStep(t, l, "zwei@kunde.test", "zwei-password-1")
		if l.Cookie(web.PortalCookie) != "" {
			t.Fatal("a session cookie before the second step")
		}
		if r := l.Get("/"); r.Status != 303 || r.Location != "/login" {
			t.Errorf("home before the second step: %d %q", r.Status, r.Location)
		}
		if r := l.Get("/login/code"); r.Status != 200 || !strings.Contains(r.Body, "Anmeldung bestätigen") {
			t.Fatalf("code page: %d", r.Status)
		}
		if r := l.Post("/login/code", url.Values{"code": {used}}); r.Status != 422 || l.Cookie(web.PortalCookie) != "" {
			t.Errorf("the code that switched TOTP on logs in again: %d", r.Status)
		}
		next := nextCode(t, secret)
		if r := l.Post("/login/code", url.Values{"code": {next}}); r.Status != 303 || r.Location != "/" {
			t.Fatalf("right code: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if r := l.Get("/"); r.Status != 200 {
			t.Errorf("home after the second step: %d", r.Status)
		}
		// The challenge is gone with the login; a reused code fails in a new login.
		if r := l.Get("/login/code"); r.Status != 303 || r.Location != "/login" {
			t.Errorf("code page after login: %d %q", r.Status, r.Location)
		}
		again := env.Client("")
		passwordStep(t, again, "zwei@kunde.test", "zwei-password-1")
		if r := again.Post("/login/code", url.Values{"code": {next}}); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code wurde gerade schon verwendet") {
			t.Errorf("reused code: %d", r.Status)
		}
		if auditCount(t, env, ct.ID, "twofactor_failed") != 2 {
			t.Errorf("failed second steps not audited")
		}

		// A password reset from the mailbox does not get past the second factor either.
		reset := env.Client("")
		reset.Post("/password/forgot", url.Values{"email": {"zwei@kunde.test"}})
		var text string
		// The worker answers the request (so its timing reveals nothing): wait for it.
		for deadline := time.Now().Add(10 * time.Second); text == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			env.DB.QueryRow(context.Background(), `SELECT text_body FROM mails WHERE to_addr = ? AND text_body LIKE '%/password/reset/%'`,
				"zwei@kunde.test").Scan(&text)
		}
		link := mustRE(`/password/reset/\S+`).FindString(text)
		if link == "" {
			t.Fatalf("no reset link:\n%s", text)
		}
		r = reset.Post(link, url.Values{"password": {"new-password-22"}, "password_confirm": {"new-password-22"}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-code"`) || reset.Cookie(web.PortalCookie) != "" {
			t.Errorf("reset with TOTP on but no code: %d %q", r.Status, r.Location)
		}
		passwordStep(t, env.Client(""), "zwei@kunde.test", "zwei-password-1") // unchanged
	})
}
