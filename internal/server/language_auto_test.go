package server_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// getIn fetches path with the client's cookies as a browser asking for acceptLanguage.
func getIn(t *testing.T, env *apptest.Env, c *apptest.Client, path, acceptLanguage string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, env.Srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Language", acceptLanguage)
	for _, name := range []string{web.PortalCookie, web.AdminCookie, web.LangCookie} {
		if v := c.Cookie(name); v != "" {
			req.AddCookie(&http.Cookie{Name: name, Value: v})
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLanguageAutomatic: "Automatic (browser)" lets the browser's language decide
// again. A contact who switched to Hebrew in the header and then picks "automatic" in
// the settings reads English when the browser asks for English — the language cookie
// from the earlier switch no longer wins — also after logging out. The same for a
// Hebrew pick on the login page before signing in, for the login page's own
// "automatic", and for a staff member whose own language goes back to the default.
func TestLanguageAutomatic(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH") // default German
		env.Contact(ten, "auto@kunde.test", "auto-password-1", "main", env.Company(ten, "Kunde AG"))
		env.Staff(ten, "agent", "agent@service.test", "agent-password-2026")
		english := `<html lang="en" dir="ltr">`

		// The header's switch while signed in, then "automatic" in the settings.
		c := env.Client("")
		c.Login("auto@kunde.test", "auto-password-1")
		if r := c.Post("/settings/language", url.Values{"language": {"he"}}); r.Status != 303 {
			t.Fatalf("switch to Hebrew: %d", r.Status)
		}
		if body := c.Get("/").Body; !strings.Contains(body, `<html lang="he" dir="rtl">`) {
			t.Fatalf("Hebrew not chosen: %.200s", body)
		}
		if c.Cookie(web.LangCookie) != "he" { // the cookie follows the contact's choice
			t.Fatalf("no language cookie after the switch: %q", c.Cookie(web.LangCookie))
		}
		if r := c.Post("/settings/language", url.Values{"language": {""}}); r.Status != 303 {
			t.Fatalf("automatic: %d", r.Status)
		}
		if body := getIn(t, env, c, "/settings", "en"); !strings.Contains(body, english) {
			t.Errorf("automatic with an English browser: %.200s", body)
		}
		if body := getIn(t, env, c, "/", "fr-CH, de;q=0.5"); !strings.Contains(body, `<html lang="fr"`) {
			t.Errorf("automatic with a French browser: %.200s", body)
		}
		c.Post("/logout", nil)
		if body := getIn(t, env, c, "/login", "en"); !strings.Contains(body, english) {
			t.Errorf("login page after logout: %.200s", body)
		}

		// A pick on the login page before signing in, then "automatic".
		g := env.Client("")
		if r := g.Post("/language", url.Values{"language": {"he"}}); r.Status != 303 || g.Cookie(web.LangCookie) != "he" {
			t.Fatalf("login page pick: %d %q", r.Status, g.Cookie(web.LangCookie))
		}
		g.Login("auto@kunde.test", "auto-password-1")
		if body := getIn(t, env, g, "/", "en"); !strings.Contains(body, `<html lang="he"`) {
			t.Errorf("the login page's pick does not carry over: %.200s", body)
		}
		g.Post("/settings/language", url.Values{"language": {""}})
		if body := getIn(t, env, g, "/", "en"); !strings.Contains(body, english) {
			t.Errorf("automatic after a login page pick: %.200s", body)
		}
		// The login page's switch forgets its pick when asked for "automatic".
		v := env.Client("")
		v.Post("/language", url.Values{"language": {"he"}})
		if r := v.Post("/language", url.Values{"language": {""}}); r.Status != 303 || v.Cookie(web.LangCookie) != "" {
			t.Errorf("login page automatic: %d, cookie %q", r.Status, v.Cookie(web.LangCookie))
		}
		if body := getIn(t, env, v, "/login", "en"); !strings.Contains(body, english) {
			t.Errorf("login page after automatic: %.200s", body)
		}

		// Back office: a pick on the login page, then the member's own language back to
		// the default.
		s := env.Client("")
		s.Post("/language", url.Values{"language": {"he"}})
		s.AdminLogin("agent@service.test", "agent-password-2026")
		if body := getIn(t, env, s, "/admin/", "en"); !strings.Contains(body, `<html lang="he"`) {
			t.Fatalf("back office without own language: %.200s", body)
		}
		if r := s.Post("/admin/account/details", url.Values{"name": {"Agent"}, "language": {""}}); r.Status != 303 {
			t.Fatalf("save own details: %d %.300s", r.Status, r.Body)
		}
		if body := getIn(t, env, s, "/admin/", "en"); !strings.Contains(body, english) {
			t.Errorf("back office after choosing the default: %.200s", body)
		}
	})
}
