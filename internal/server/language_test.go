package server_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// TestEveryLanguage walks every language of i18n.Languages: a visitor's browser
// language picks it, a contact and a staff member choose it from the header, and the
// page then declares it (with the writing direction), speaks it, offers all languages
// in their own names and writes dates its way.
func TestEveryLanguage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Contact(ten, "lang@kunde.test", "language-password", "main", env.Company(ten, "Kunde AG"))
		env.Staff(ten, "agent", "agent@service.test", "agent-password-2026")
		contact, agent := env.Client(""), env.Client("")
		signedIn := time.Now().UTC()
		contact.Login("lang@kunde.test", "language-password")
		agent.AdminLogin("agent@service.test", "agent-password-2026")

		for _, l := range i18n.Languages {
			loc := i18n.For(l)
			html := `<html lang="` + l + `" dir="` + i18n.Dir(l) + `">`
			speaks := func(who, body string) {
				t.Helper()
				if !strings.Contains(body, html) {
					t.Errorf("%s, %s: no %s", l, who, html)
				}
				if !strings.Contains(body, loc.T("layout.language")) {
					t.Errorf("%s, %s: the page is not in %s", l, who, i18n.Names[l])
				}
				for _, other := range i18n.Languages {
					option := `<option value="` + other + `" lang="` + other + `"`
					if !strings.Contains(body, option) || !strings.Contains(body, ">"+i18n.Names[other]+"</option>") {
						t.Errorf("%s, %s: the picker does not offer %s as %s", l, who, other, i18n.Names[other])
					}
				}
			}

			// A visitor's browser asks for a regional variant of the language.
			if body := visit(t, env.Srv.URL+"/login", l+"-XX, de;q=0.1"); !strings.Contains(body, html) {
				t.Errorf("%s: Accept-Language %s-XX does not pick it on the login page", l, l)
			}

			if r := contact.Post("/settings/language", url.Values{"language": {l}}); r.Status != http.StatusSeeOther {
				t.Fatalf("%s: contact's choice: %d", l, r.Status)
			}
			speaks("portal", contact.Get("/").Body)
			// The sign-in on the account page is dated the language's way.
			// (Either date, should the test run across midnight.)
			// The tenant is in Europe/Berlin (new tenants are): its pages date in Berlin.
			zone := ten.Location()
			day, today := loc.Date(signedIn, zone), loc.Date(time.Now(), zone)
			if body := contact.Get("/account").Body; !strings.Contains(body, day) && !strings.Contains(body, today) {
				t.Errorf("%s: account page has no sign-in dated %s", l, today)
			}

			if r := agent.Post("/admin/language", url.Values{"language": {l}}); r.Status != http.StatusSeeOther {
				t.Fatalf("%s: staff choice: %d", l, r.Status)
			}
			speaks("back office", agent.Get("/admin/").Body)
		}
	})
}

// visit fetches url as a new visitor whose browser sends acceptLanguage.
func visit(t *testing.T, url, acceptLanguage string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Language", acceptLanguage)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}
