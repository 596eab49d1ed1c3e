package e2e

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

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
		other.open("/login", "#f-email")
		other.fill("email", contactEmail)
		other.fill("password", contactPass)
		other.clickTo(`form[action="/login"] button[type=submit]`, "main .tiles")

		c := newSession(t, browser, env.Srv.URL, "contact")
		c.open("/login", "#f-email")
		c.clickTo(`a[href="/password/forgot"]`, "#f-email")
		c.fill("email", contactEmail)
		c.clickTo(`form[action="/password/forgot"] button[type=submit]`, `main [role=status]`)
		if s := c.text("main [role=status]"); !strings.Contains(s, contactEmail) {
			c.fatalf("answer %q does not name the address", s)
		}

		var text string
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			env.DB.QueryRow(context.Background(), `SELECT text_body FROM mails WHERE to_addr = ? ORDER BY id DESC LIMIT 1`, contactEmail).Scan(&text)
			if resetURL.MatchString(text) || time.Now().After(deadline) {
				break
			}
		}
		link := resetURL.FindString(text)
		if link == "" {
			t.Fatalf("no reset mail:\n%s", text)
		}
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
