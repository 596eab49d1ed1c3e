package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestTwoFactorRuleOnColleagues: the company-wide two-factor rule is on the Colleagues
// page, named after the active company, for main contacts only; My account only points
// there. Saving keeps its route and audit entry and comes back to the Colleagues page.
func TestTwoFactorRuleOnColleagues(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "chefin-password", "main", co)
		env.Contact(ten, "kollege@kunde.test", "kollege-password", "user", co)
		main := env.Client("")
		main.Login("chefin@kunde.test", "chefin-password")
		enableTOTP(t, main) // the rule then holds nobody at the setup
		page := main.Get("/colleagues").Body
		if !strings.Contains(page, `action="/account/twofactor/company"`) || !strings.Contains(page, "Zwei-Faktor-Anmeldung bei Kunde AG") ||
			!strings.Contains(page, "für alle Ansprechpartner von Kunde AG verlangen") || strings.Contains(page, `value="1" checked`) {
			t.Errorf("Colleagues page lacks the rule named after the company:\n%.5000s", page)
		}
		account := main.Get("/account").Body
		if strings.Contains(account, `action="/account/twofactor/company"`) || !strings.Contains(account, `href="/colleagues#twofactor-rule"`) {
			t.Errorf("My account still has the rule, or no pointer to it")
		}
		if r := main.Post("/account/twofactor/company", url.Values{"require": {"1"}}); r.Status != 303 || r.Location != "/colleagues#twofactor-rule" {
			t.Fatalf("save the rule: %d %q", r.Status, r.Location)
		}
		if page := main.Get("/colleagues").Body; !strings.Contains(page, `name="require" value="1" checked`) || !strings.Contains(page, "Die Regel für Ihre Firma ist gespeichert.") {
			t.Errorf("rule not shown as on after saving")
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'company_twofactor_changed' AND actor LIKE 'contact:%'`).Scan(&n)
		if n != 1 {
			t.Errorf("%d audit entries for the rule, want 1", n)
		}
		// A form that cannot be read comes back to the page with the reason, not a 500.
		if r := main.Post("/account/twofactor/company", url.Values{"require": {"\x00"}}); r.Status != 422 || !strings.Contains(r.Body, `id="twofactor-rule"`) {
			t.Errorf("unreadable form: %d", r.Status)
		}
		user := env.Client("")
		user.Login("kollege@kunde.test", "kollege-password")
		enableTOTP(t, user)
		if r := user.Get("/colleagues"); r.Status != 404 {
			t.Errorf("plain user's Colleagues page: %d", r.Status)
		}
		if strings.Contains(user.Get("/account").Body, "/colleagues#twofactor-rule") {
			t.Errorf("plain user is pointed to a rule they cannot set")
		}
	})
}

// TestLoginMalformedEmail: a malformed address is refused at the field with the
// address kept, not with the wrong-password banner.
func TestLoginMalformedEmail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		env.Tenant("Service GmbH")
		c := env.Client("")
		r := c.Post("/login", url.Values{"email": {"foo@@bar"}, "password": {"irgendwas"}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-email"`) || !strings.Contains(r.Body, "gültige E-Mail-Adresse") ||
			!strings.Contains(r.Body, `value="foo@@bar"`) || strings.Contains(r.Body, "Passwort ist nicht korrekt") {
			t.Errorf("malformed address: %d\n%.3000s", r.Status, r.Body)
		}
	})
}

// TestDeadPasswordLinks: a reset link that does not work offers a new one where the
// tenant allows resets; an invitation link that does not work says who can send a new
// one.
func TestDeadPasswordLinks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		c := env.Client("")
		r := c.Get("/password/reset/not-a-real-token")
		if r.Status != 410 || !strings.Contains(r.Body, `href="/password/forgot"`) || !strings.Contains(r.Body, "Neuen Link anfordern") {
			t.Errorf("dead reset link: %d\n%.3000s", r.Status, r.Body)
		}
		r = c.Get("/invitation/not-a-real-token")
		if r.Status != 410 || !strings.Contains(r.Body, "bitten Sie den Hauptkontakt Ihrer Firma oder Service GmbH") ||
			strings.Contains(r.Body, `href="/password/forgot"`) {
			t.Errorf("dead invitation link: %d\n%.3000s", r.Status, r.Body)
		}
	})
}

// TestEmptyPasswordFields: each empty password field says so itself, on the invitation,
// the reset and My account's change of password.
func TestEmptyPasswordFields(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "chefin-password", "main", co)
		env.Contact(ten, "alt@kunde.test", "old-password-1", "user", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		empty := url.Values{"current": {""}, "password": {""}, "password_confirm": {""}}
		bothRequired := func(what string, r apptest.Response, fields ...string) {
			t.Helper()
			if r.Status != 422 {
				t.Errorf("%s: %d", what, r.Status)
				return
			}
			for _, f := range fields {
				i := strings.Index(r.Body, `id="e-`+f+`"`)
				if i < 0 || !strings.HasPrefix(r.Body[i:], `id="e-`+f+`">Bitte füllen Sie dieses Feld aus.`) {
					t.Errorf("%s: no “fill in” under %s", what, f)
				}
			}
		}
		main := env.Client("")
		main.Login("chefin@kunde.test", "chefin-password")
		bothRequired("change of password", main.Post("/account/password", empty), "current", "password", "password_confirm")
		if r := main.Post("/colleagues", url.Values{"first_name": {"Nina"}, "last_name": {"Neu"}, "email": {"neu@kunde.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		_, text := lastMailTo(t, env, "neu@kunde.test")
		bothRequired("invitation", env.Client("").Post(linkIn(t, text), empty), "password", "password_confirm")

		c := env.Client("")
		if r := c.Post("/password/forgot", url.Values{"email": {"alt@kunde.test"}}); r.Status != 200 {
			t.Fatalf("forgot: %d", r.Status)
		}
		_, text = lastMailTo(t, env, "alt@kunde.test")
		link := strings.TrimPrefix(mustRE(`https?://\S+/password/reset/\S+`).FindString(text), env.Srv.URL)
		bothRequired("reset", c.Post(link, empty), "password", "password_confirm")
	})
}
