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

// TestNoWebAddressInMailsToStrangers: a self-registration's names and company, the name
// a main contact types for a colleague, and a contact's own name (the inviter in those
// invitations) go into mails the portal sends to any address typed. A web address there
// would reach a stranger as a link under the provider's name (a phishing mail anyone
// could have the portal send), so it is refused next to its field with what was typed,
// and no mail goes out.
func TestNoWebAddressInMailsToStrangers(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		link := "Konto gesperrt, entsperren: https://evil.example/login"
		refused := func(what string, r apptest.Response, field, typed string) {
			t.Helper()
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-`+field+`"`) || !strings.Contains(r.Body, "keine Webadresse") {
				t.Errorf("%s: %d, want 422 with a message at %s:\n%.1500s", what, r.Status, field, r.Body)
			}
			if !strings.Contains(r.Body, `value="`+typed+`"`) {
				t.Errorf("%s: typed value lost", what)
			}
		}

		anon := env.Client("")
		for _, field := range []string{"first_name", "last_name", "company"} {
			form := registerForm("opfer@fremd.test", "Kunde AG")
			form.Set(field, link)
			refused("registration "+field, anon.Post("/register", form), field, link)
		}
		form := registerForm("opfer@fremd.test", "Kunde AG")
		form.Set("company", "www.evil.example")
		refused("registration www", anon.Post("/register", form), "company", "www.evil.example")

		c := env.Client("")
		c.Login("chefin@kunde.test", "boss-password")
		for _, field := range []string{"first_name", "last_name"} {
			inv := url.Values{"first_name": {"Neu"}, "last_name": {"Kollege"}, "email": {"opfer@fremd.test"}, "role": {"user"}}
			inv.Set(field, link)
			refused("invitation "+field, c.Post("/colleagues", inv), field, link)
		}
		if n := mailsTo(t, env, "opfer@fremd.test"); n != 0 {
			t.Errorf("%d mails went to the stranger", n)
		}

		r := c.Post("/account/details", url.Values{"first_name": {"Chefin"}, "last_name": {link}, "phone": {""}})
		refused("own name", r, "last_name", link)

		// Ordinary input still passes.
		if r := anon.Post("/register", registerForm("neu@kunde.test", "Kunde AG")); r.Status != 200 {
			t.Errorf("ordinary registration: %d", r.Status)
		}
		if r := c.Post("/colleagues", url.Values{"first_name": {"Neu"}, "last_name": {"Kollege"}, "email": {"neu2@kunde.test"},
			"role": {"user"}}); r.Status != 303 {
			t.Errorf("ordinary invitation: %d", r.Status)
		}
	})
}
