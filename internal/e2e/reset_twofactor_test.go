package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestForgotPasswordWithTwoFactor: a contact with TOTP on opens a reset link; the page
// asks for the authenticator code with the new password. Without it the page says so
// under the field, the passwords are empty again and the session left open elsewhere
// lives on; with it the password is set, the reset signs in straight to the start page
// (no second code page) and the other session is gone.
func TestForgotPasswordWithTwoFactor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "user", co)

		// Two-factor sign-in switched on in the session that stays open.
		other := newSession(t, browser, env.Srv.URL, "other computer")
		login(other, contactEmail, contactPass)
		other.open("/account", "#twofactor")
		other.clickTo(`form[action="/account/twofactor/setup"] button`, "#totp-secret")
		secret := other.eval(`document.querySelector("#totp-secret").dataset.secret`)
		other.fill("code", totpCode(other, secret, 0))
		other.clickTo(`form[action="/account/twofactor/confirm"] button[type=submit]`, ".recovery-codes")

		c := newSession(t, browser, env.Srv.URL, "contact")
		c.open("/password/forgot", "#f-email")
		c.fill("email", contactEmail)
		c.clickTo(`form[action="/password/forgot"] button[type=submit]`, `main [role=status]`)
		link := waitForMail(t, env, contactEmail, resetURL)
		c.open(link, "#f-code")
		if got := c.eval(`document.querySelector("#f-code").autocomplete`); got != "one-time-code" {
			c.fatalf("code field autocomplete %q", got)
		}
		if hint := c.text("#h-code"); !strings.Contains(hint, "Wiederherstellungscodes") {
			c.fatalf("code hint %q", hint)
		}

		// Without the code: refused, nothing changed.
		c.fill("password", "brand-new-password-2026")
		c.fill("password_confirm", "brand-new-password-2026")
		c.clickTo("main form button[type=submit]", "#e-code")
		if msg := c.text("#e-code"); !strings.Contains(msg, "Ohne ihn wird das Passwort nicht geändert") {
			c.fatalf("message under the code field: %q", msg)
		}
		if v := c.eval(`document.querySelector("#f-password").value + document.querySelector("#f-password_confirm").value`); v != "" {
			c.fatalf("the typed passwords were kept: %q", v)
		}
		other.open("/account", "#twofactor") // still signed in

		// With the code: signed in at once.
		c.fill("password", "brand-new-password-2026")
		c.fill("password_confirm", "brand-new-password-2026")
		c.fill("code", totpCode(c, secret, 30*time.Second))
		c.clickTo("main form button[type=submit]", "main .tiles")
		c.expectPath("/")
		other.open("/settings", "#f-email")
		other.expectPath("/login")
	})
}
