package e2e

import (
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffTwoFactorJourney: a staff member opens "My account" from the header, sets up
// two-factor sign-in with the QR code page, and from then on the back-office login asks
// for the code after the password; a recovery code works once.
func TestStaffTwoFactorJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		const email, pass = "agentin@service.test", "agentin-password-1"
		env.Staff(ten, "agent", email, pass)

		c := newSession(t, browser, env.Srv.URL, "staff")
		staffPasswordStep := func(want string) {
			c.t.Helper()
			c.open("/admin/login", "#f-email")
			c.fill("email", email)
			c.fill("password", pass)
			c.clickTo(`form[action="/admin/login"] button[type=submit]`, want)
		}
		staffPasswordStep("a.topbar-user")
		c.clickTo(`a.topbar-user[href="/admin/account"]`, "#twofactor")
		c.screenshot(artifactDir(t), string(e)+"-staff-account")
		c.clickTo(`form[action="/admin/account/twofactor/setup"] button`, "#totp-secret")
		c.screenshot(artifactDir(t), string(e)+"-staff-totp-setup")
		if c.eval(`String(document.querySelector("img.qr").naturalWidth >= 200)`) != "true" {
			c.fatalf("the QR code image did not load")
		}
		secret := c.eval(`document.querySelector("#totp-secret").dataset.secret`)
		c.fill("code", totpCode(c, secret, 0))
		c.clickTo(`form[action="/admin/account/twofactor/confirm"] button[type=submit]`, ".recovery-codes")
		codes := strings.Fields(c.eval(`Array.from(document.querySelectorAll(".recovery-codes code")).map(e => e.textContent).join(" ")`))
		if len(codes) != 10 {
			c.fatalf("%d recovery codes shown, want 10", len(codes))
		}
		c.clickTo(`a[href="/admin/account"].btn`, "#twofactor")
		if !strings.Contains(c.text("#twofactor"), "eingeschaltet") {
			c.fatalf("account page does not say TOTP is on")
		}
		c.clickTo(`form[action="/admin/logout"] button`, "#f-email")

		// The password alone leads to the code form; the next period's code signs in.
		staffPasswordStep("#f-code")
		c.expectPath("/admin/login/code")
		c.screenshot(artifactDir(t), string(e)+"-staff-login-code")
		c.fill("code", totpCode(c, secret, 30*time.Second))
		c.clickTo(`form[action="/admin/login/code"] button[type=submit]`, "a.topbar-user")
		c.clickTo(`form[action="/admin/logout"] button`, "#f-email")

		// A recovery code instead of the app, once.
		staffPasswordStep("#f-code")
		c.fill("code", codes[0])
		c.clickTo(`form[action="/admin/login/code"] button[type=submit]`, "a.topbar-user")
		c.clickTo(`form[action="/admin/logout"] button`, "#f-email")
		staffPasswordStep("#f-code")
		c.fill("code", codes[0])
		c.clickTo(`form[action="/admin/login/code"] button[type=submit]`, "#e-code")
		c.expectPath("/admin/login/code")
		if status := c.openStatus("/admin/", "main"); status != 200 || c.path() != "/admin/login" {
			c.fatalf("after the refused code the back office is open: %d %s", status, c.path())
		}
	})
}
