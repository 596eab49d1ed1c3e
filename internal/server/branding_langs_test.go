package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestBrandingPerLanguage: admins give the portal's title, welcome text and chooser
// heading per language beside the main ones; a text over the main one's limit is refused next to
// its field with everything typed kept; contacts see the texts of their language on
// the login page, the chooser and the home page, and the main texts where their
// language has none (an empty field); the change is audited as before; clearing a
// language's fields removes its texts.
func TestBrandingPerLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		one := env.Company(ten, "Eins GmbH")
		two := env.Company(ten, "Zwei GmbH")
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")

		form := map[string]string{"title": "Kundenportal", "welcome": "Willkommen!", "chooser": "Welche Firma?",
			"support_hours": "Mo–Fr 8–17 Uhr", "hours_en": "Mon–Fri 8am–5pm", "title_en": "Customer portal", "welcome_en": "Welcome!", "chooser_en": "Which company?", "welcome_fr": "Bienvenue !",
			"title_fr": strings.Repeat("x", 101), "welcome_nl": strings.Repeat("w", 1001), "chooser_da": strings.Repeat("c", 201)}
		r := admin.PostMultipart("/admin/settings/branding", form)
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-title_fr"`) || !strings.Contains(r.Body, `id="e-welcome_nl"`) ||
			!strings.Contains(r.Body, `id="e-chooser_da"`) || !strings.Contains(r.Body, "höchstens 200 Zeichen") ||
			!strings.Contains(r.Body, "höchstens 100 Zeichen") || !strings.Contains(r.Body, "höchstens 1.000 Zeichen") {
			t.Fatalf("too long: %d, want 422 with the messages next to the French title, Dutch welcome and Danish chooser", r.Status)
		}
		for _, v := range []string{"Customer portal", "Welcome!", "Bienvenue !", "Kundenportal", "Which company?"} {
			if !strings.Contains(r.Body, v) {
				t.Errorf("typed %q lost", v)
			}
		}
		if !strings.Contains(r.Body, `<details class="name-translations brand-languages" open`) {
			t.Errorf("the languages' disclosure is closed on an error")
		}
		form["title_fr"], form["welcome_nl"], form["chooser_da"] = "", "", ""
		if r := admin.PostMultipart("/admin/settings/branding", form); r.Status != 303 {
			t.Fatalf("save: %d %.300s", r.Status, r.Body)
		}
		if r := admin.Get("/admin/settings/branding"); !strings.Contains(r.Body, `value="Customer portal"`) || !strings.Contains(r.Body, "Bienvenue !") ||
			strings.Contains(r.Body, `id="f-title_de"`) {
			t.Errorf("form does not show the stored texts, or offers the default language (de) again")
		}
		var what string
		env.DB.QueryRow(ctx, `SELECT target FROM audit_log WHERE action = 'branding_changed' AND tenant_id = ?`, ten.ID).Scan(&what)
		if what != "texts" {
			t.Errorf("audit target %q", what)
		}

		for _, c := range []struct{ lang, title, welcome, chooser, hours string }{
			{"en", "Customer portal", "Welcome!", "Which company?", "Mon–Fri 8am–5pm"},
			{"fr", "Kundenportal", "Bienvenue !", "Welche Firma?", "Mo–Fr 8–17 Uhr"}, // no French title, heading, hours: the main ones
			{"de", "Kundenportal", "Willkommen!", "Welche Firma?", "Mo–Fr 8–17 Uhr"},
			{"nl", "Kundenportal", "Willkommen!", "Welche Firma?", "Mo–Fr 8–17 Uhr"},
		} {
			env.Contact(ten, c.lang+"@kunde.test", "kunde-password", "user", one, two) // a contact's language stays theirs
			k := env.Client("a.test")
			k.Post("/language", url.Values{"language": {c.lang}})
			r := k.Get("/login")
			if !strings.Contains(r.Body, c.title) || !strings.Contains(r.Body, `<p class="welcome">`+c.welcome+`</p>`) {
				t.Errorf("%s login page lacks %q or %q", c.lang, c.title, c.welcome)
			}
			if r := k.Post("/login", url.Values{"email": {c.lang + "@kunde.test"}, "password": {"kunde-password"}}); r.Location != "/choose" {
				t.Fatalf("%s login: %d %q", c.lang, r.Status, r.Location)
			}
			if r := k.Get("/choose"); !strings.Contains(r.Body, c.title) || (c.title != "Kundenportal" && strings.Contains(r.Body, "Kundenportal")) ||
				!strings.Contains(r.Body, `<h1 id="choose-h">`+c.chooser+`</h1>`) {
				t.Errorf("%s chooser does not show %q with the heading %q", c.lang, c.title, c.chooser)
			}
			k.Post("/choose", url.Values{"company_id": {id(one.ID)}})
			k.Post("/settings/language", url.Values{"language": {c.lang}})
			if r := k.Get("/"); r.Status != 200 || !strings.Contains(r.Body, c.title) || (c.title != "Kundenportal" && strings.Contains(r.Body, "Kundenportal")) {
				t.Errorf("%s home page does not show %q: %d", c.lang, c.title, r.Status)
			} else if !strings.Contains(r.Body, c.hours) || (c.lang == "en") == strings.Contains(r.Body, "Mo–Fr 8–17 Uhr") {
				t.Errorf("%s home page does not show the hours %q (alone)", c.lang, c.hours)
			}
		}

		// Clearing a language's fields removes its texts: English readers see the main ones.
		form["title_en"], form["welcome_en"], form["chooser_en"], form["hours_en"] = "", "", "", ""
		if r := admin.PostMultipart("/admin/settings/branding", form); r.Status != 303 {
			t.Fatalf("clear English: %d", r.Status)
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM tenant_brand_texts WHERE tenant_id = ?`, ten.ID).Scan(&n)
		if n != 1 {
			t.Errorf("%d languages with texts after clearing English, want 1 (French)", n)
		}
		k := env.Client("a.test")
		k.Post("/language", url.Values{"language": {"en"}})
		if r := k.Get("/login"); strings.Contains(r.Body, "Customer portal") || !strings.Contains(r.Body, "Willkommen!") {
			t.Errorf("cleared English texts still shown")
		}
	})
}
