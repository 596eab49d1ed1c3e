package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestTwoFactorThrottle: wrong codes at the second step are throttled per account like
// passwords; once throttled even the right code is refused, and a right password
// does not reset the count.
func TestTwoFactorThrottle(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "drossel@kunde.test", "drossel-password", "user", co)
		c := env.Client("")
		c.Login("drossel@kunde.test", "drossel-password")
		secret, _ := enableTOTP(t, c)
		c.Post("/logout", nil)

		l := env.Client("")
		passwordStep(t, l, "drossel@kunde.test", "drossel-password")
		wrong := "123456"
		if wrong == nextCode(t, secret) || wrong == code(t, secret, 0) || wrong == code(t, secret, -30e9) {
			wrong = "654321"
		}
		for i := 0; i < auth.AccountLimit; i++ {
			if r := l.Post("/login/code", url.Values{"code": {wrong}}); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") {
				t.Fatalf("wrong code %d: %d", i, r.Status)
			}
		}
		passwordStep(t, l, "drossel@kunde.test", "drossel-password") // a new challenge, the same count
		r := l.Post("/login/code", url.Values{"code": {nextCode(t, secret)}})
		if r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") || l.Cookie(web.PortalCookie) != "" {
			t.Errorf("right code while throttled: %d %.300s", r.Status, r.Body)
		}
	})
}

// TestTwoFactorRecoveryCode: a recovery code logs in once, the contact gets a notice and
// the audit log an entry; the same code is refused afterwards; new codes replace the
// old ones only with a current code or the password.
func TestTwoFactorRecoveryCode(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "notfall@kunde.test", "notfall-password", "user", co)
		c := env.Client("")
		c.Login("notfall@kunde.test", "notfall-password")
		_, codes := enableTOTP(t, c)

		l := env.Client("")
		passwordStep(t, l, "notfall@kunde.test", "notfall-password")
		if r := l.Post("/login/code", url.Values{"code": {strings.ToUpper(codes[3])}}); r.Status != 303 || r.Location != "/" {
			t.Fatalf("recovery code: %d %.300s", r.Status, r.Body)
		}
		if !strings.Contains(l.Get("/account").Body, "Unbenutzte Wiederherstellungscodes: 9") {
			t.Errorf("account page does not count the used code")
		}
		if subject, _ := lastMailTo(t, env, "notfall@kunde.test"); !strings.Contains(subject, "Wiederherstellungscode") {
			t.Errorf("no notice of the recovery code: %q", subject)
		}
		if auditCount(t, env, ct.ID, "recovery_code_used") != 1 {
			t.Error("recovery code not audited")
		}
		again := env.Client("")
		passwordStep(t, again, "notfall@kunde.test", "notfall-password")
		if r := again.Post("/login/code", url.Values{"code": {codes[3]}}); r.Status != 422 || again.Cookie(web.PortalCookie) != "" {
			t.Errorf("used recovery code works again: %d", r.Status)
		}

		// New codes: not with a wrong proof; with the password, and the old codes die.
		if r := c.Post("/account/twofactor/recovery", url.Values{"proof": {"not-my-password"}}); r.Status != 422 || !strings.Contains(r.Body, "weder ein aktueller Code") {
			t.Errorf("renew with a wrong proof: %d", r.Status)
		}
		r := c.Post("/account/twofactor/recovery", url.Values{"proof": {"notfall-password"}})
		if r.Status != 200 || len(recoveryRE.FindAllString(r.Body, -1)) != 10 {
			t.Fatalf("renew: %d", r.Status)
		}
		passwordStep(t, again, "notfall@kunde.test", "notfall-password")
		if r := again.Post("/login/code", url.Values{"code": {codes[5]}}); r.Status != 422 {
			t.Errorf("old recovery code after renewal: %d", r.Status)
		}
		fresh := recoveryRE.FindStringSubmatch(r.Body)[1]
		if r := again.Post("/login/code", url.Values{"code": {fresh}}); r.Status != 303 {
			t.Errorf("new recovery code: %d", r.Status)
		}
	})
}

// TestTwoFactorDisable: switching off needs the password; afterwards the password
// alone logs in again, and the contact is told by mail.
func TestTwoFactorDisable(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "aus@kunde.test", "aus-password-1", "user", co)
		c := env.Client("")
		c.Login("aus@kunde.test", "aus-password-1")
		enableTOTP(t, c)
		for _, pw := range []string{"", "wrong-password"} {
			if r := c.Post("/account/twofactor/disable", url.Values{"password": {pw}}); r.Status != 422 || !strings.Contains(r.Body, "Zwei-Faktor-Anmeldung ist eingeschaltet") {
				t.Errorf("disable with password %q: %d", pw, r.Status)
			}
		}
		if r := c.Post("/account/twofactor/disable", url.Values{"password": {"aus-password-1"}}); r.Status != 303 {
			t.Fatalf("disable: %d %.300s", r.Status, r.Body)
		}
		if subject, _ := lastMailTo(t, env, "aus@kunde.test"); !strings.Contains(subject, "ausgeschaltet") {
			t.Errorf("no notice: %q", subject)
		}
		if auditCount(t, env, ct.ID, "twofactor_disabled") != 1 {
			t.Error("disabling not audited")
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM recovery_codes WHERE contact_id = ?`, ct.ID).Scan(&n)
		if n != 0 {
			t.Errorf("%d recovery codes left after disabling", n)
		}
		env.Client("").Login("aus@kunde.test", "aus-password-1")
	})
}

// TestTwoFactorCompanyRequirement: the main contact requires two factors for the
// company (a plain user may not: 404); a colleague without TOTP is sent to the setup
// from every page but can still reach it and log out; once set up, the portal opens,
// and switching off is refused while the rule stands. Staff change the rule in the
// back office; every change is audited.
func TestTwoFactorCompanyRequirement(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "chefin-password", "main", co)
		env.Contact(ten, "kollege@kunde.test", "kollege-password", "user", co)
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		user := env.Client("")
		user.Login("kollege@kunde.test", "kollege-password")
		if r := user.Post("/account/twofactor/company", url.Values{"require": {"1"}}); r.Status != 404 {
			t.Errorf("plain user sets the rule: %d", r.Status)
		}
		if strings.Contains(user.Get("/account").Body, "/account/twofactor/company") {
			t.Errorf("plain user sees the company rule")
		}
		main := env.Client("")
		main.Login("chefin@kunde.test", "chefin-password")
		if r := main.Post("/account/twofactor/company", url.Values{"require": {"1"}}); r.Status != 303 {
			t.Fatalf("main contact sets the rule: %d", r.Status)
		}
		// The main contact has no TOTP either: the rule applies to them as well.
		if r := main.Get("/"); r.Status != 303 || r.Location != "/account#twofactor" {
			t.Errorf("main contact without TOTP: %d %q", r.Status, r.Location)
		}
		for _, path := range []string{"/", "/companies/" + id(co.ID), "/settings"} {
			if r := user.Get(path); r.Status != 303 || r.Location != "/account#twofactor" {
				t.Errorf("GET %s without TOTP: %d %q", path, r.Status, r.Location)
			}
		}
		if r := user.Get("/account"); r.Status != 200 || !strings.Contains(r.Body, "Ihre Firma verlangt die Zwei-Faktor-Anmeldung") {
			t.Errorf("account page: %d", r.Status)
		}
		enableTOTP(t, user)
		if r := user.Get("/"); r.Status != 200 {
			t.Errorf("home after setup: %d", r.Status)
		}
		if r := user.Post("/account/twofactor/disable", url.Values{"password": {"kollege-password"}}); r.Status != 422 || !strings.Contains(r.Body, "Kunde AG verlangt") {
			t.Errorf("switching off against the rule: %d", r.Status)
		}
		if r := main.Post("/logout", nil); r.Status != 303 || r.Location != "/login" {
			t.Errorf("logout without TOTP: %d %q", r.Status, r.Location)
		}

		staffC := env.Client("")
		staffC.AdminLogin("agent@service.test", "agent-password-1")
		if r := staffC.Get("/admin/companies/" + id(co.ID)); !strings.Contains(r.Body, `name="require" value="1" checked`) {
			t.Errorf("back office does not show the rule")
		}
		if r := staffC.Post("/admin/companies/"+id(co.ID)+"/twofactor", url.Values{}); r.Status != 303 {
			t.Fatalf("staff switch the rule off: %d", r.Status)
		}
		if r := main.Get("/"); r.Status != 303 || r.Location != "/login" { // logged out above
			t.Errorf("after logout: %d %q", r.Status, r.Location)
		}
		main.Login("chefin@kunde.test", "chefin-password")
		if r := main.Get("/"); r.Status != 200 {
			t.Errorf("rule off, home: %d", r.Status)
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'company_twofactor_changed'`).Scan(&n)
		if n != 2 {
			t.Errorf("%d audited rule changes, want 2", n)
		}
	})
}

// TestTwoFactorProofCodeUsed: a code from the app renews the recovery codes once; typed
// again it is refused as "just used", not as "neither a code nor your password".
func TestTwoFactorProofCodeUsed(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "zweimal@kunde.test", "zweimal-password", "user", co)
		c := env.Client("")
		c.Login("zweimal@kunde.test", "zweimal-password")
		secret, _ := enableTOTP(t, c)
		next := nextCode(t, secret) // its step stays accepted for a minute and is not used yet
		if r := c.Post("/account/twofactor/recovery", url.Values{"proof": {next}}); r.Status != 200 || len(recoveryRE.FindAllString(r.Body, -1)) != 10 {
			t.Fatalf("renew with a code: %d", r.Status)
		}
		r := c.Post("/account/twofactor/recovery", url.Values{"proof": {next}})
		if r.Status != 422 || !strings.Contains(r.Body, "gerade schon verwendet") || strings.Contains(r.Body, "weder ein aktueller Code") {
			t.Errorf("the same code again: %d %.300s", r.Status, r.Body)
		}
	})
}
