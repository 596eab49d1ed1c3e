package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTwoFactorJourney: a contact switches TOTP on from the account page (scanning is
// played by computing the codes from the key shown on the page), logs out; the next
// login asks for the code; a recovery code logs in once and is refused the second time.
func TestTwoFactorJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "user", co)

		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.clickTo(`nav a[href="/account"]`, "#twofactor")
		c.clickTo(`form[action="/account/twofactor/setup"] button`, "#totp-secret")
		c.screenshot(artifactDir(t), string(e)+"-totp-setup")
		if c.eval(`String(document.querySelector("img.qr").naturalWidth >= 200)`) != "true" {
			c.fatalf("the QR code image did not load")
		}
		secret := c.eval(`document.querySelector("#totp-secret").dataset.secret`)
		c.fill("code", totpCode(c, secret, 0))
		c.clickTo(`form[action="/account/twofactor/confirm"] button[type=submit]`, ".recovery-codes")
		codes := strings.Fields(c.eval(`Array.from(document.querySelectorAll(".recovery-codes code")).map(e => e.textContent).join(" ")`))
		if len(codes) != 10 {
			c.fatalf("%d recovery codes shown, want 10", len(codes))
		}
		// print.js (no inline script under the CSP) shows the print button.
		if c.eval(`String(document.querySelector("button[data-print]").hidden)`) != "false" {
			c.fatalf("the print button is not shown: print.js did not run")
		}
		c.clickTo(`a[href="/account"].btn`, "#twofactor")
		c.screenshot(artifactDir(t), string(e)+"-totp-account")
		if !strings.Contains(c.text("#twofactor"), "eingeschaltet") {
			c.fatalf("account page does not say TOTP is on")
		}
		logout(c)

		// The password alone leads to the code; the next period's code logs in (the
		// current one was used to switch TOTP on and is refused).
		passwordStep(c)
		c.fill("code", totpCode(c, secret, 30*time.Second))
		c.clickTo(`form[action="/login/code"] button[type=submit]`, "main .tiles")
		logout(c)

		// A recovery code instead of the app, once.
		passwordStep(c)
		c.fill("code", codes[0])
		c.clickTo(`form[action="/login/code"] button[type=submit]`, "main .tiles")
		logout(c)
		passwordStep(c)
		c.fill("code", codes[0])
		c.clickTo(`form[action="/login/code"] button[type=submit]`, "#e-code")
		c.expectPath("/login/code")
		if msg := c.text("#e-code"); !strings.Contains(msg, "Wiederherstellungscode ist nicht gültig") {
			c.fatalf("used recovery code: message %q", msg)
		}
		if status := c.openStatus("/", "main"); status != 200 || c.path() != "/login" {
			c.fatalf("after the refused code the portal is open: %d %s", status, c.path())
		}
	})
}

// passwordStep logs in with the password and expects the code form.
func passwordStep(s *session) {
	s.t.Helper()
	s.open("/login", "#f-email")
	s.fill("email", contactEmail)
	s.fill("password", contactPass)
	s.clickTo(`form[action="/login"] button[type=submit]`, "#f-code")
	s.expectPath("/login/code")
}

// logout uses the header's logout button.
func logout(s *session) {
	s.t.Helper()
	s.clickTo(`form[action="/logout"] button`, "#f-email")
}

// totpCode computes the code an authenticator app shows for secret at now+offset.
func totpCode(s *session, secret string, offset time.Duration) string {
	s.t.Helper()
	code, err := totp.GenerateCode(secret, time.Now().Add(offset))
	if err != nil {
		s.fatalf("code from key %q: %v", secret, err)
	}
	return code
}
