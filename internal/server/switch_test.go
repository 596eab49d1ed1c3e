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

// TestCompanySwitcher: a contact in two companies switches between them; the choice
// scopes the pages and is remembered for the next login. Language follows the contact.
func TestCompanySwitcher(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		one, two := env.Company(ten, "Eins GmbH"), env.Company(ten, "Zwei GmbH")
		env.Contact(ten, "both@kunde.test", "both-password", "main", one, two)
		c := env.Client("")
		c.Login("both@kunde.test", "both-password")
		home := c.Get("/").Body
		if !strings.Contains(home, `id="switch-company"`) || !strings.Contains(home, "Zwei GmbH") {
			t.Fatalf("no company switcher")
		}
		if r := c.Get("/companies/" + id(two.ID)); r.Status != 404 {
			t.Errorf("inactive company page: %d", r.Status)
		}
		r := c.Post("/company", url.Values{"company_id": {id(two.ID)}})
		if r.Status != 303 {
			t.Fatalf("switch: %d", r.Status)
		}
		// The flash names the company: the switch often lands in another section than
		// home, the only page that says it otherwise.
		if page := c.Get(r.Location).Body; !strings.Contains(page, "Zu Firma Zwei GmbH gewechselt.") {
			t.Errorf("the switch's flash does not name the company")
		}
		if r := c.Get("/companies/" + id(two.ID)); r.Status != 200 || !strings.Contains(r.Body, "Zwei GmbH") {
			t.Errorf("after switch: %d", r.Status)
		}
		if r := c.Get("/companies/" + id(one.ID)); r.Status != 404 {
			t.Errorf("old company still active: %d", r.Status)
		}
		again := env.Client("")
		again.Login("both@kunde.test", "both-password")
		if !strings.Contains(again.Get("/").Body, "Sie arbeiten für Zwei GmbH") {
			t.Errorf("last company not remembered")
		}
		// Language: the header picker stores it on the contact.
		if r := c.Post("/settings/language", url.Values{"language": {"en"}}); r.Status != 303 {
			t.Fatalf("language: %d", r.Status)
		}
		if body := again.Get("/").Body; !strings.Contains(body, `lang="en"`) || !strings.Contains(body, "Welcome") {
			t.Errorf("language not stored on the contact")
		}
		if r := c.Post("/settings/language", url.Values{"language": {"xx"}}); r.Status != 422 {
			t.Errorf("bad language: %d", r.Status)
		}
		// A visitor's Accept-Language picks the login page's language.
		if !strings.Contains(env.Client("").Get("/login").Body, `lang="de"`) {
			t.Errorf("tenant default is not German")
		}
	})
}

// TestModuleTiles: the home page shows the tiles of enabled modules only.
func TestModuleTiles(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	ten := env.Tenant("Service GmbH")
	co := env.Company(ten, "Kunde AG")
	env.Contact(ten, "m@kunde.test", "module-password", "user", co)
	if err := tenant.SetModules(context.Background(), env.DB, ten.ID, []string{"knowledge"}); err != nil {
		t.Fatal(err)
	}
	c := env.Client("")
	c.Login("m@kunde.test", "module-password")
	body := c.Get("/").Body
	if !strings.Contains(body, "Wissensdatenbank") || strings.Contains(body, "Helpdesk") || strings.Contains(body, "Guthaben") {
		t.Errorf("tiles do not follow the modules")
	}
}

// TestLoginReturnsAndErrorFrames: login returns to the page asked for, logout says so,
// and a 404 inside the back office keeps the back office's navigation.
func TestLoginReturnsAndErrorFrames(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	ten := env.Tenant("Service GmbH")
	co := env.Company(ten, "Kunde AG")
	env.Contact(ten, "n@kunde.test", "next-password", "user", co)
	env.Staff(ten, "agent", "a@service.test", "agent-password")
	c := env.Client("")
	r := c.Get("/settings")
	if r.Location != "/login?next=%2Fsettings" {
		t.Fatalf("redirect to login: %q", r.Location)
	}
	r = c.Post("/login", url.Values{"email": {"n@kunde.test"}, "password": {"next-password"}, "next": {"/settings"}})
	if r.Location != "/settings" {
		t.Errorf("after login: %q", r.Location)
	}
	if r := c.Post("/logout", nil); r.Location != "/login" {
		t.Fatalf("logout: %q", r.Location)
	}
	if !strings.Contains(c.Get("/login").Body, "Sie wurden abgemeldet.") {
		t.Errorf("logout message not shown")
	}
	r = c.Post("/login", url.Values{"email": {"n@kunde.test"}, "password": {"next-password"}, "next": {"//evil.test/"}})
	if r.Location != "/" {
		t.Errorf("open redirect via next: %q", r.Location)
	}
	s := env.Client("")
	s.AdminLogin("a@service.test", "agent-password")
	r = s.Get("/admin/companies/999")
	if r.Status != 404 || !strings.Contains(r.Body, `href="/admin/companies"`) || !strings.Contains(r.Body, "/admin/logout") {
		t.Errorf("admin 404 lacks the back-office frame")
	}
}
