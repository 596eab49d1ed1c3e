package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAccountFormsReturnToTheirSection: with two-factor sign-in on, My account's
// switch-off field has an id of its own (the password card's "New password" was
// f-password too, so its label focused the other card's field), and the page has no id
// twice, refused or not. The two-factor forms and the delete form post to their card
// (#twofactor, #delete), like the password card (#password): refused, the page comes
// back at the form and its message instead of at the top of a long page; done, the
// redirect goes to #main, where the flash is. The back office's account page shares
// the section and does the same.
func TestAccountFormsReturnToTheirSection(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "jonas@kunde.test", "jonas-password-1", "user", co)
		env.Staff(ten, "admin", "admin@service.test", "admin-password-1")
		c := env.Client("")
		c.Login("jonas@kunde.test", "jonas-password-1")
		enableTOTP(t, c)

		page := c.Get("/account").Body
		for _, want := range []string{`action="/account/password#password"`, `action="/account/twofactor/recovery#twofactor"`,
			`action="/account/twofactor/disable#twofactor"`, `action="/account/delete#delete"`, `id="twofactor"`, `id="delete"`,
			`<label for="f-disable-password">`, `id="f-disable-password"`, `<label for="f-password">`} {
			if !strings.Contains(page, want) {
				t.Errorf("account page lacks %s", want)
			}
		}
		if dup := duplicateIDs(page); len(dup) > 0 {
			t.Errorf("account page with two-factor on: ids used twice: %s", strings.Join(dup, ", "))
		}

		for _, pw := range []string{"", "wrong-password"} {
			r := c.Post("/account/twofactor/disable", url.Values{"password": {pw}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-disable-password"`) ||
				!strings.Contains(r.Body, `aria-describedby="e-disable-password"`) || strings.Contains(r.Body, `id="e-password"`) {
				t.Errorf("switch off with password %q: %d, want the message at the switch-off field", pw, r.Status)
			}
			if dup := duplicateIDs(r.Body); len(dup) > 0 {
				t.Errorf("refused switch-off: ids used twice: %s", strings.Join(dup, ", "))
			}
		}
		if r := c.Post("/account/twofactor/recovery", url.Values{"proof": {"wrong-password"}}); r.Status != 422 ||
			!strings.Contains(r.Body, `id="e-proof"`) || !strings.Contains(r.Body, `action="/account/twofactor/recovery#twofactor"`) {
			t.Errorf("renewal with a wrong proof: %d, want the section's form again with its message", r.Status)
		}
		if r := c.Post("/account/twofactor/disable", url.Values{"password": {"jonas-password-1"}}); r.Status != 303 || r.Location != "/account#main" {
			t.Errorf("switch off: %d %q, want /account#main (not the form's #twofactor)", r.Status, r.Location)
		}

		staff := env.Client("")
		staff.AdminLogin("admin@service.test", "admin-password-1")
		staffSetupTOTP(t, staff)
		page = staff.Get("/admin/account").Body
		if !strings.Contains(page, `action="/admin/account/twofactor/disable#twofactor"`) || !strings.Contains(page, `id="f-disable-password"`) {
			t.Errorf("back office account page: the switch-off form does not post to its section or lacks its own field id")
		}
		if dup := duplicateIDs(page); len(dup) > 0 {
			t.Errorf("back office account page with two-factor on: ids used twice: %s", strings.Join(dup, ", "))
		}
		if r := staff.Post("/admin/account/twofactor/disable", url.Values{"password": {"admin-password-1"}}); r.Status != 303 || r.Location != "/admin/account#main" {
			t.Errorf("staff switch off: %d %q, want /admin/account#main", r.Status, r.Location)
		}
	})
}
