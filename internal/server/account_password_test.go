package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// TestAccountPasswordMoved: the password is changed on My account, next to the other
// ways of signing in; Settings keeps language and notifications; the old address sends
// a link (GET) to the new section and an old form (POST, method kept) to the new
// handler. A wrong current password comes back on the account page, at the field.
func TestAccountPasswordMoved(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		kim := env.Contact(ten, "kim@kunde.test", "first-password", "user", co)
		if err := contact.SetLanguage(context.Background(), env.DB, ten.ID, kim.ID, "nl"); err != nil {
			t.Fatal(err)
		}
		nl := i18n.For("nl")
		c := env.Client("")
		c.Login("kim@kunde.test", "first-password")
		acct := c.Get("/account").Body
		// The form posts to its own card (#password): a refusal lands there, not at the top.
		pw, tf := strings.Index(acct, `action="/account/password#password"`), strings.Index(acct, `id="twofactor"`)
		if pw < 0 || tf < 0 || pw > tf || !strings.Contains(acct, `<div id="password">`) {
			t.Errorf("account page: password form at %d, two-factor at %d", pw, tf)
		}
		if s := c.Get("/settings").Body; strings.Contains(s, `name="current"`) || strings.Contains(s, "/settings/password") ||
			!strings.Contains(s, `action="/settings/language"`) {
			t.Errorf("settings page still offers the password change, or lost the language")
		}
		if r := c.Get("/settings/password"); r.Status != 308 || r.Location != "/account#password" {
			t.Errorf("old address, GET: %d → %q", r.Status, r.Location)
		}
		if r := c.Post("/settings/password", url.Values{"current": {"x"}}); r.Status != 308 || r.Location != "/account/password" {
			t.Errorf("old address, POST: %d → %q", r.Status, r.Location)
		}
		r := c.Post("/account/password", url.Values{"current": {"wrong-password"}, "password": {"second-password"}, "password_confirm": {"second-password"}})
		if r.Status != 422 || !strings.Contains(r.Body, `action="/account/password#password"`) || !strings.Contains(r.Body, `id="twofactor"`) ||
			!strings.Contains(r.Body, `aria-invalid="true"`) || !strings.Contains(r.Body, html.EscapeString(nl.T("account.heading"))) {
			t.Errorf("wrong current password: %d, want the account page with the field marked", r.Status)
		}
		r = c.Post("/account/password", url.Values{"current": {"first-password"}, "password": {"second-password"}, "password_confirm": {"second-password"}})
		// To the top, where the confirmation is (not the form's #password, which a
		// redirect without a fragment of its own would keep).
		if r.Status != 303 || r.Location != "/account#main" {
			t.Fatalf("change: %d → %q", r.Status, r.Location)
		}
		if body := c.Get("/account").Body; !strings.Contains(body, html.EscapeString(nl.T("settings.password_changed"))) {
			t.Errorf("no confirmation on the account page")
		}
		again := env.Client("")
		again.Login("kim@kunde.test", "second-password")
		if r := again.Get("/account"); r.Status != 200 {
			t.Errorf("new password does not sign in: %d", r.Status)
		}
	})
}
