package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestFormAfterSessionEnded: a form sent after the session ended (here: the password
// was changed in another browser) is answered with "your session has ended" in the
// contact's language, a way back to the login, and what was typed ready to copy;
// never the 404 page, never a password shown back. The back office alike.
func TestFormAfterSessionEnded(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		ct := env.Contact(ten, "weg@kunde.test", "old-password-1", "main", env.Company(ten, "Kunde AG"))
		ctx := context.Background()
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, ct.ID, "fr"); err != nil {
			t.Fatal(err)
		}
		stale, other := env.Client(""), env.Client("")
		stale.Login("weg@kunde.test", "old-password-1")
		stale.Get("/") // a page seen while logged in: the language cookie follows the contact
		other.Login("weg@kunde.test", "old-password-1")
		if r := other.Post("/account/password", url.Values{"current": {"old-password-1"},
			"password": {"new-password-2"}, "password_confirm": {"new-password-2"}}); r.Status != 303 {
			t.Fatalf("password change: %d %.300s", r.Status, r.Body)
		}

		ended := func(what string, r apptest.Response, typed ...string) {
			t.Helper()
			if r.Status != http.StatusUnauthorized || !strings.Contains(r.Body, "Votre session a pris fin") ||
				!strings.Contains(r.Body, `<html lang="fr"`) || !strings.Contains(r.Body, `href="/login"`) {
				t.Errorf("%s: %d %.600s", what, r.Status, r.Body)
			}
			for _, s := range typed {
				if !strings.Contains(r.Body, s) {
					t.Errorf("%s: typed text %q not shown back", what, s)
				}
			}
		}
		r := stale.PostMultipart("/tickets", map[string]string{"title": "Drucker & Scanner", "body": "Seit Montag\nFehler 42", "priority": "2"},
			apptest.File{Field: "files", Name: "a.txt", Data: []byte("hallo")})
		ended("new ticket", r, "Drucker &amp; Scanner", "Seit Montag\nFehler 42")
		ended("reply", stale.Post("/tickets/1/reply", url.Values{"body": {"Meine lange Antwort"}}), "Meine lange Antwort")
		ended("details", stale.Post("/account/details", url.Values{"first_name": {"Jörg"}, "phone": {"+49 30 1234"}}), "Jörg")
		r = stale.Post("/account/password", url.Values{"current": {"old-password-1"}, "password": {"geheim-neu-77"}})
		ended("password", r)
		if strings.Contains(r.Body, "old-password-1") || strings.Contains(r.Body, "geheim-neu-77") {
			t.Errorf("a password is shown back")
		}
		// A script's JSON request still gets the 404: nobody reads a page there.
		if r := stale.PostJSON("/account/passkeys/begin", nil); r.Status != 404 {
			t.Errorf("JSON after the session: %d", r.Status)
		}

		// Back office: the staff member's session is gone (expired).
		env.Staff(ten, staff.RoleAdmin, "chef@service.test", "chef-password-1")
		s := env.Client("")
		s.AdminLogin("chef@service.test", "chef-password-1")
		if _, err := env.DB.Exec(ctx, `DELETE FROM sessions WHERE staff_id IS NOT NULL`); err != nil {
			t.Fatal(err)
		}
		r = s.Post("/admin/companies", url.Values{"name": {"Neue Firma GmbH"}})
		if r.Status != http.StatusUnauthorized || !strings.Contains(r.Body, `href="/admin/login"`) || !strings.Contains(r.Body, "Neue Firma GmbH") {
			t.Errorf("back office form after the session: %d %.600s", r.Status, r.Body)
		}
	})
}

// TestUnknownAddressInContactLanguage: an unknown address shows the 404 page in the
// logged-in contact's language with their navigation; the language they choose also
// goes into the language cookie, so pages without a session speak it too.
func TestUnknownAddressInContactLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Contact(ten, "thai@kunde.test", "thai-password-1", "main", env.Company(ten, "Kunde AG"))
		c := env.Client("")
		c.Login("thai@kunde.test", "thai-password-1")
		if r := c.Post("/settings/language", url.Values{"language": {"th"}}); r.Status != 303 {
			t.Fatalf("choose Thai: %d", r.Status)
		}
		c.Get("/settings")
		if got := c.Cookie("pforte_lang"); got != "th" {
			t.Errorf("language cookie %q after choosing Thai", got)
		}
		r := c.Get("/nope")
		if r.Status != 404 || !strings.Contains(r.Body, `<html lang="th"`) || !strings.Contains(r.Body, `href="/settings"`) ||
			!strings.Contains(r.Body, "/logout") {
			t.Errorf("404 of a Thai contact: %d %.800s", r.Status, r.Body)
		}
		// Logged out, the browser still carries the choice.
		c.Post("/logout", nil)
		if r := c.Get("/nope"); r.Status != 404 || !strings.Contains(r.Body, `<html lang="th"`) {
			t.Errorf("404 after logout: %d %.300s", r.Status, r.Body)
		}
	})
}

// TestResetPageInContactLanguage: the reset page speaks the contact's language, like
// the mail that carried its link, not the browser's.
func TestResetPageInContactLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		ct := env.Contact(ten, "nl@kunde.test", "old-password-1", "user", env.Company(ten, "Kunde AG"))
		ctx := context.Background()
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, ct.ID, "nl"); err != nil {
			t.Fatal(err)
		}
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		c := env.Client("x.test")
		c.Post("/password/forgot", url.Values{"email": {"nl@kunde.test"}})
		_, text := lastMailTo(t, env, "nl@kunde.test")
		link := regexp.MustCompile(`/password/reset/[A-Za-z0-9_-]+`).FindString(text)
		if link == "" {
			t.Fatalf("no reset link in:\n%s", text)
		}
		if r := c.Get(link); r.Status != 200 || !strings.Contains(r.Body, `<html lang="nl"`) {
			t.Errorf("reset page: %d %.300s", r.Status, r.Body)
		}
		// A refused form stays in Dutch.
		if r := c.Post(link, url.Values{"password": {"kurz"}, "password_confirm": {"kurz"}}); r.Status != 422 || !strings.Contains(r.Body, `<html lang="nl"`) {
			t.Errorf("refused reset: %d %.300s", r.Status, r.Body)
		}
	})
}

// TestTicketTooLargeKeepsText: a ticket whose files exceed the whole request limit
// comes back with the subject and description as typed and states the limit.
func TestTicketTooLargeKeepsText(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Contact(ten, "gross@kunde.test", "gross-password-1", "main", env.Company(ten, "Kunde AG"))
		if err := tenant.SetTicketRules(context.Background(), env.DB, ten.ID, tenant.TicketRules{UploadLimitMB: 1}); err != nil {
			t.Fatal(err)
		}
		c := env.Client("x.test")
		c.Login("gross@kunde.test", "gross-password-1")
		r := c.PostMultipart("/tickets", map[string]string{"title": "Video vom Fehler", "body": "Das Video zeigt den Fehler."},
			apptest.File{Field: "files", Name: "fehler.mp4", Data: make([]byte, 11<<20)})
		if r.Status != 422 || !strings.Contains(r.Body, `value="Video vom Fehler"`) || !strings.Contains(r.Body, "Das Video zeigt den Fehler.") ||
			!strings.Contains(r.Body, "höchstens 1 MB") {
			t.Errorf("too large: %d %.2000s", r.Status, r.Body)
		}
	})
}

// TestDoubleSubmitScript: every page loads app.js, which locks a form once it is sent
// (a double click opened two tickets); the browser test TestDoubleSubmitOpensOneTicket
// in internal/e2e shows it working.
func TestDoubleSubmitScript(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	env.Tenant("Service GmbH")
	c := env.Client("")
	page := c.Get("/login").Body
	src := regexp.MustCompile(`<script src="(/static/[0-9a-f]+/js/app\.js)"`).FindStringSubmatch(page)
	if src == nil {
		t.Fatalf("login page does not load app.js:\n%.1000s", page)
	}
	js := c.Get(src[1])
	if js.Status != 200 || !strings.Contains(js.Header.Get("Content-Type"), "javascript") ||
		!strings.Contains(js.Body, "data-submitting") || !strings.Contains(js.Body, "pageshow") {
		t.Errorf("app.js: %d %q", js.Status, js.Header.Get("Content-Type"))
	}
}
