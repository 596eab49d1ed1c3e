package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// newResetLink asks for a reset link for addr on forgot (the portal's or the back
// office's form) and returns the path of the link the worker mails.
func newResetLink(t *testing.T, env *apptest.Env, forgot, addr string) string {
	t.Helper()
	var before int
	env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND text_body LIKE '%/password/reset/%'`,
		addr).Scan(&before)
	env.Client("").Post(forgot, url.Values{"email": {addr}})
	var text string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND text_body LIKE '%/password/reset/%'`,
			addr).Scan(&n)
		if n > before {
			env.DB.QueryRow(context.Background(), `SELECT text_body FROM mails WHERE to_addr = ? AND text_body LIKE '%/password/reset/%'
				ORDER BY id DESC LIMIT 1`, addr).Scan(&text)
			break
		}
	}
	link := mustRE(`/(?:admin/)?password/reset/\S+`).FindString(text)
	if link == "" {
		t.Fatalf("no reset link for %s:\n%s", addr, text)
	}
	return link
}

// codeFailures counts the failed second-factor attempts recorded under key.
func codeFailures(t *testing.T, env *apptest.Env, key string) int {
	t.Helper()
	return count(t, env, `SELECT COUNT(*) FROM login_failures WHERE email = ?`, key)
}

// wrongCode is a six-digit code that none of secret's codes around now is.
func wrongCode(t *testing.T, secret string) string {
	for _, c := range []string{"000000", "111111", "222222"} {
		if c != code(t, secret, -30*time.Second) && c != code(t, secret, 0) && c != nextCode(t, secret) {
			return c
		}
	}
	t.Fatal("no wrong code")
	return ""
}

// TestResetAsksCode: with TOTP on, a reset link's form asks for the code from the
// authenticator app (or a recovery code) and changes nothing without the right one:
// the password stays, the owner's session lives on, the link still works, a wrong code
// is audited and counted like one at sign-in. The right code sets the password and signs
// in at once; a TOTP code works once, a recovery code works once and mails the notice.
// Accounts without TOTP see no code field.
func TestResetAsksCode(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "owner@kunde.test", "first-password-1", "user", co)
		env.Contact(ten, "plain@kunde.test", "plain-password-1", "user", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		owner := env.Client("")
		owner.Login("owner@kunde.test", "first-password-1")
		secret, codes := enableTOTP(t, owner)

		// Without TOTP the form is as it was.
		plain := newResetLink(t, env, "/password/forgot", "plain@kunde.test")
		if r := env.Client("").Get(plain); r.Status != 200 || strings.Contains(r.Body, `name="code"`) {
			t.Errorf("reset page without TOTP: %d, code field %v", r.Status, strings.Contains(r.Body, `name="code"`))
		}

		link := newResetLink(t, env, "/password/forgot", "owner@kunde.test")
		c := env.Client("")
		page := c.Get(link)
		for _, want := range []string{`name="code"`, `autocomplete="one-time-code"`, "Code aus Ihrer Authenticator-App",
			"Oder einer Ihrer Wiederherstellungscodes", "Zwei-Faktor-Anmeldung eingeschaltet"} {
			if page.Status != 200 || !strings.Contains(page.Body, want) {
				t.Errorf("reset page with TOTP: %d, lacks %q", page.Status, want)
			}
		}
		unchanged := func(what string) {
			t.Helper()
			if r := c.Get(link); r.Status != 200 {
				t.Errorf("%s: the link was used up: %d", what, r.Status)
			}
			if r := owner.Get("/account"); r.Status != 200 {
				t.Errorf("%s: the owner's session ended: %d %q", what, r.Status, r.Location)
			}
			if c.Cookie(web.PortalCookie) != "" {
				t.Errorf("%s: signed in", what)
			}
			passwordStep(t, env.Client(""), "owner@kunde.test", "first-password-1")
		}
		form := func(code string) url.Values {
			return url.Values{"password": {"new-password-33"}, "password_confirm": {"new-password-33"}, "code": {code}}
		}

		// No code: refused, nothing changes, the typed passwords are not shown again.
		r := c.Post(link, form(""))
		if r.Status != 422 || !strings.Contains(r.Body, "Ohne ihn wird das Passwort nicht geändert") ||
			!strings.Contains(r.Body, `id="e-code"`) || strings.Contains(r.Body, "new-password-33") {
			t.Errorf("reset without code: %d %.300s", r.Status, r.Body)
		}
		unchanged("without code")

		// A wrong code: refused, audited and counted with the sign-in's wrong codes.
		r = c.Post(link, form(wrongCode(t, secret)))
		if r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") || strings.Contains(r.Body, "new-password-33") {
			t.Errorf("reset with a wrong code: %d %.300s", r.Status, r.Body)
		}
		if n := auditCount(t, env, ct.ID, "twofactor_failed"); n != 1 {
			t.Errorf("%d failed-code entries, want 1", n)
		}
		if n := codeFailures(t, env, "2fa:owner@kunde.test"); n != 1 {
			t.Errorf("%d counted code failures, want 1", n)
		}
		unchanged("with a wrong code")

		// The right code: the password changes, the owner's other session ends, and the
		// reset signs in without a second code form.
		used := nextCode(t, secret)
		if r := c.Post(link, form(used)); r.Status != 303 || r.Location != "/" {
			t.Fatalf("reset with the right code: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if r := c.Get("/"); r.Status != 200 {
			t.Errorf("not signed in after the reset: %d %q", r.Status, r.Location)
		}
		if r := owner.Get("/account"); r.Status != 303 {
			t.Errorf("the other session survived the reset: %d", r.Status)
		}
		if r := env.Client("").Get(link); r.Status != 410 {
			t.Errorf("link after use: %d", r.Status)
		}
		passwordStep(t, env.Client(""), "owner@kunde.test", "new-password-33")
		if n := codeFailures(t, env, "2fa:owner@kunde.test"); n != 0 {
			t.Errorf("%d code failures left after the right code", n)
		}
		if auditCount(t, env, ct.ID, "password_reset") != 1 {
			t.Error("reset not audited")
		}

		// The same TOTP code on a new link: refused as used (its step is spent).
		link = newResetLink(t, env, "/password/forgot", "owner@kunde.test")
		c = env.Client("")
		if r := c.Post(link, url.Values{"password": {"new-password-44"}, "password_confirm": {"new-password-44"},
			"code": {used}}); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code wurde gerade schon verwendet") {
			t.Errorf("reset with a used TOTP code: %d", r.Status)
		}
		// A recovery code works, once, and mails the notice.
		if r := c.Post(link, url.Values{"password": {"new-password-44"}, "password_confirm": {"new-password-44"},
			"code": {strings.ToUpper(codes[0])}}); r.Status != 303 || r.Location != "/" {
			t.Fatalf("reset with a recovery code: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND subject LIKE '%Wiederherstellungscode%'`,
			"owner@kunde.test"); n != 1 {
			t.Errorf("%d recovery notices, want 1", n)
		}
		if auditCount(t, env, ct.ID, "recovery_code_used") != 1 {
			t.Error("recovery code not audited")
		}
		link = newResetLink(t, env, "/password/forgot", "owner@kunde.test")
		if r := env.Client("").Post(link, url.Values{"password": {"new-password-55"}, "password_confirm": {"new-password-55"},
			"code": {codes[0]}}); r.Status != 422 || !strings.Contains(r.Body, "Dieser Wiederherstellungscode ist nicht gültig") {
			t.Errorf("a recovery code used twice: %d", r.Status)
		}
		passwordStep(t, env.Client(""), "owner@kunde.test", "new-password-44")
	})
}

// TestResetCodeThrottled: wrong codes on the reset form count with those of the
// sign-in's code step; after auth.AccountLimit of them even the right code is refused,
// on the form and at sign-in, so the form is no way to try all six-digit codes.
func TestResetCodeThrottled(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "owner@kunde.test", "first-password-1", "user", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		owner := env.Client("")
		owner.Login("owner@kunde.test", "first-password-1")
		secret, _ := enableTOTP(t, owner)
		link := newResetLink(t, env, "/password/forgot", "owner@kunde.test")
		c := env.Client("")
		form := func(code string) url.Values {
			return url.Values{"password": {"new-password-33"}, "password_confirm": {"new-password-33"}, "code": {code}}
		}
		for i := range 5 {
			if r := c.Post(link, form(wrongCode(t, secret))); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") {
				t.Fatalf("wrong code %d: %d", i+1, r.Status)
			}
		}
		if r := c.Post(link, form(nextCode(t, secret))); r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
			t.Errorf("right code after five wrong ones: %d %.300s", r.Status, r.Body)
		}
		l := env.Client("")
		passwordStep(t, l, "owner@kunde.test", "first-password-1") // unchanged
		if r := l.Post("/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
			t.Errorf("sign-in code after the reset form's wrong codes: %d", r.Status)
		}
		if auditCount(t, env, ct.ID, "twofactor_failed") != 7 { // five wrong, two throttled
			t.Errorf("%d failed-code entries, want 7", auditCount(t, env, ct.ID, "twofactor_failed"))
		}
		if r := c.Get(link); r.Status != 200 {
			t.Errorf("link after the throttled attempts: %d", r.Status)
		}
	})
}

// TestStaffResetAsksCode: a staff member's reset link asks for the code as a contact's
// does: without the right one the password, the sessions and the link stay; wrong
// codes are audited and counted with the sign-in's (throttled after
// auth.AccountLimit); the right TOTP code or a recovery code (once, with its notice)
// sets the password and signs in at once. Members without TOTP see no code field.
func TestStaffResetAsksCode(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "chefin@service.test", "admin-password-1")
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		agent := env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		secret, codes := staffSetupTOTP(t, agent)
		staffFailed := func() int {
			return count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'twofactor_failed' AND actor LIKE 'staff:%'`)
		}

		plain := newResetLink(t, env, "/admin/password/forgot", "chefin@service.test")
		if r := env.Client("").Get(plain); r.Status != 200 || strings.Contains(r.Body, `name="code"`) {
			t.Errorf("staff reset page without TOTP: %d", r.Status)
		}

		link := newResetLink(t, env, "/admin/password/forgot", "agent@service.test")
		c := env.Client("")
		if r := c.Get(link); r.Status != 200 || !strings.Contains(r.Body, `name="code"`) || !strings.Contains(r.Body, `autocomplete="one-time-code"`) {
			t.Fatalf("staff reset page with TOTP: %d", r.Status)
		}
		form := func(code string) url.Values {
			return url.Values{"password": {"new-password-33"}, "password_confirm": {"new-password-33"}, "code": {code}}
		}
		unchanged := func(what string) {
			t.Helper()
			if r := c.Get(link); r.Status != 200 {
				t.Errorf("%s: the link was used up: %d", what, r.Status)
			}
			if r := agent.Get("/admin/"); r.Status != 200 {
				t.Errorf("%s: the member's session ended: %d", what, r.Status)
			}
			if r := c.Get("/admin/"); r.Status != 303 {
				t.Errorf("%s: signed in", what)
			}
			l := env.Client("")
			if r := l.Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"agent-password-1"}}); r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login/code") {
				t.Errorf("%s: the old password no longer works: %d %q", what, r.Status, r.Location)
			}
		}
		if r := c.Post(link, form("")); r.Status != 422 || !strings.Contains(r.Body, "Ohne ihn wird das Passwort nicht geändert") {
			t.Errorf("staff reset without code: %d", r.Status)
		}
		unchanged("without code")
		if r := c.Post(link, form(wrongCode(t, secret))); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") {
			t.Errorf("staff reset with a wrong code: %d", r.Status)
		}
		if n := staffFailed(); n != 1 {
			t.Errorf("%d failed-code entries, want 1", n)
		}
		if n := codeFailures(t, env, "staff-2fa:agent@service.test"); n != 1 {
			t.Errorf("%d counted code failures, want 1", n)
		}
		unchanged("with a wrong code")

		used := nextCode(t, secret)
		if r := c.Post(link, form(used)); r.Status != 303 || r.Location != "/admin/" {
			t.Fatalf("staff reset with the right code: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if r := c.Get("/admin/"); r.Status != 200 {
			t.Errorf("not signed in after the reset: %d %q", r.Status, r.Location)
		}
		if r := agent.Get("/admin/"); r.Status != 303 {
			t.Errorf("the member's other session survived: %d", r.Status)
		}
		if codeFailures(t, env, "staff-2fa:agent@service.test") != 0 {
			t.Error("code failures left after the right code")
		}

		// Used TOTP step refused; a recovery code works once, with its notice.
		link = newResetLink(t, env, "/admin/password/forgot", "agent@service.test")
		c = env.Client("")
		if r := c.Post(link, form(used)); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code wurde gerade schon verwendet") {
			t.Errorf("staff reset with a used TOTP code: %d", r.Status)
		}
		if r := c.Post(link, form(codes[0])); r.Status != 303 || r.Location != "/admin/" {
			t.Fatalf("staff reset with a recovery code: %d %q", r.Status, r.Location)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND subject LIKE '%Wiederherstellungscode%'`,
			"agent@service.test"); n != 1 {
			t.Errorf("%d recovery notices, want 1", n)
		}
		link = newResetLink(t, env, "/admin/password/forgot", "agent@service.test")
		c = env.Client("")
		if r := c.Post(link, form(codes[0])); r.Status != 422 || !strings.Contains(r.Body, "Dieser Wiederherstellungscode ist nicht gültig") {
			t.Errorf("a recovery code used twice: %d", r.Status)
		}
		// Throttled like the sign-in's code step: after five wrong codes since the last
		// right one (the used recovery code above is one), even a right code is refused.
		for i := range 4 {
			if r := c.Post(link, form(wrongCode(t, secret))); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") {
				t.Fatalf("wrong code %d: %d", i+1, r.Status)
			}
		}
		if r := c.Post(link, form(codes[1])); r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
			t.Errorf("right code after five wrong ones: %d", r.Status)
		}
		if r := c.Get(link); r.Status != 200 {
			t.Errorf("link after the throttled attempts: %d", r.Status)
		}
	})
}

// TestResetPasskeyOnly: passkeys are another way to sign in, not a second factor, so a
// contact with passkeys but without TOTP resets the password as before: no code field,
// and the link alone sets the password and signs in.
func TestResetPasskeyOnly(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", pkHost)
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "ich@kunde.test", "my-password-1", "user", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		a := &passkeytest.Authenticator{Origin: "http://" + pkHost}
		c := env.Client(pkHost)
		c.Login("ich@kunde.test", "my-password-1")
		if _, r := addPasskey(t, c, a, "Laptop"); r.Status != 200 && r.Status != 201 {
			t.Fatalf("add passkey: %d %.300s", r.Status, r.Body)
		}
		link := newResetLink(t, env, "/password/forgot", "ich@kunde.test")
		r := env.Client(pkHost).Get(link)
		if r.Status != 200 || strings.Contains(r.Body, `name="code"`) {
			t.Fatalf("reset page of a passkey-only account: %d, code field %v", r.Status, strings.Contains(r.Body, `name="code"`))
		}
		if r := env.Client(pkHost).Post(link, url.Values{"password": {"new-password-33"}, "password_confirm": {"new-password-33"}}); r.Status != 303 || r.Location != "/" {
			t.Errorf("reset of a passkey-only account: %d %q", r.Status, r.Location)
		}
	})
}
