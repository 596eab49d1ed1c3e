package e2e

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

var resetURL = regexp.MustCompile(`https?://\S+/password/reset/\S+`)

// TestForgotPassword: a contact who forgot the password asks for a link on the login
// page, sets a new password from the mail, and the session left open elsewhere (in
// another browser) is gone.
func TestForgotPassword(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "user", co)

		// The session left open on another computer.
		other := newSession(t, browser, env.Srv.URL, "other computer")
		login(other, contactEmail, contactPass)

		c := newSession(t, browser, env.Srv.URL, "contact")
		c.open("/login", "#f-email")
		c.clickTo(`a[href="/password/forgot"]`, "#f-email")
		c.fill("email", contactEmail)
		c.clickTo(`form[action="/password/forgot"] button[type=submit]`, `main [role=status]`)
		if s := c.text("main [role=status]"); !strings.Contains(s, contactEmail) {
			c.fatalf("answer %q does not name the address", s)
		}

		link := waitForMail(t, env, contactEmail, resetURL)
		c.open(link, "#f-password")
		c.fill("password", "brand-new-password-2026")
		c.fill("password_confirm", "brand-new-password-2026")
		c.clickTo("main form button[type=submit]", "main .tiles")
		c.expectPath("/")

		// The other computer's next page is the login page.
		other.open("/settings", "#f-email")
		other.expectPath("/login")
	})
}
