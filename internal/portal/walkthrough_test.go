package portal_test

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// The findings of a first-time contact's walk through the portal, on a phone and in
// German, English, French and Hebrew; each test fails without its fix.

// walk is a tenant with one company, a main contact and a plain user.
type walk struct {
	env  *apptest.Env
	ten  tenant.Tenant
	main contact.Contact
	user contact.Contact
}

func newWalk(t *testing.T, e db.Engine) *walk {
	env := apptest.Start(t, e)
	w := &walk{env: env}
	w.ten = env.Tenant("Walk GmbH", "walk.test")
	co := env.Company(w.ten, "Kunde AG")
	w.main = env.Contact(w.ten, "main@kunde.test", "main-password-1", "main", co)
	w.user = env.Contact(w.ten, "user@kunde.test", "user-password-1", "user", co)
	return w
}

// as logs a client in as the contact with email, in language lang.
func (w *walk) as(t *testing.T, ct contact.Contact, pw, lang string) *apptest.Client {
	t.Helper()
	if err := contact.SetLanguage(context.Background(), w.env.DB, w.ten.ID, ct.ID, lang); err != nil {
		t.Fatal(err)
	}
	c := w.env.Client("walk.test")
	c.Login(ct.Email, pw)
	return c
}

// TestForeignTextsKeepTheirDirection: a German article or file description on a
// Hebrew page is written left to right (it read ".netto" and "(pforte-vpn.conf."
// with the page's right-to-left direction), and a Hebrew article on a German page
// right to left; the labels around them follow the page.
func TestForeignTextsKeepTheirDirection(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		w := newWalk(t, e)
		cat, err := kb.CreateCategory(ctx, w.env.DB, kb.Category{TenantID: w.ten.ID, Name: "Netzwerk & VPN"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := kb.Create(ctx, w.env.DB, w.ten.ID, 0, kb.Meta{CategoryID: cat.ID, Slug: "vpn", Status: kb.StatusPublished,
			Visibility: kb.VisibilityPublic}, kb.Translation{Language: "de", Title: "VPN einrichten",
			Body: "Für den Zugriff nutzen wir **WireGuard**."}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := kb.Create(ctx, w.env.DB, w.ten.ID, 0, kb.Meta{CategoryID: cat.ID, Slug: "shalom", Status: kb.StatusPublished,
			Visibility: kb.VisibilityPublic}, kb.Translation{Language: "he", Title: "הגדרת VPN",
			Body: "אנחנו משתמשים ב-WireGuard."}, time.Now()); err != nil {
			t.Fatal(err)
		}
		st, err := w.env.App.Env.Files.Put(bytes.NewReader([]byte("Toner;12,50\n")), 0)
		if err != nil {
			t.Fatal(err)
		}
		var file download.File
		err = w.env.DB.InTx(ctx, func(tx *db.Tx) error {
			file, err = download.Create(ctx, tx, download.File{TenantID: w.ten.ID, Title: "Preisliste",
				Description: "Toner, Trommeln und Papier; Preise netto.", Visibility: download.VisibleAll}, nil,
				download.Version{Key: st.Key, Name: "preisliste.csv", Size: st.Size, Type: st.Type, SHA256: st.SHA256}, time.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}

		he := w.as(t, w.main, "main-password-1", "he")
		art := he.Get("/kb/articles/vpn").Body
		for _, want := range []string{`<h1 lang="de" dir="ltr">VPN einrichten</h1>`, `<div class="prose" lang="de" dir="ltr">`, `<html lang="he" dir="rtl">`} {
			if !strings.Contains(art, want) {
				t.Errorf("German article on a Hebrew page lacks %s: %.2000s", want, art)
			}
		}
		if strings.Contains(art, `<article class="card kb-article" lang="de"`) {
			t.Error("the article's labels (updated on, also available in) are in the page's language, not marked German")
		}
		search := he.Get("/kb/search?q=" + url.QueryEscape("wireguard")).Body
		if !strings.Contains(search, `<li lang="de" dir="ltr">`) || !strings.Contains(search, `<li lang="he" dir="rtl">`) {
			t.Errorf("search results without their own direction: %.3000s", search)
		}
		dl := he.Get("/downloads/files/" + strconv.FormatInt(file.ID, 10)).Body
		if !regexp.MustCompile(`<p dir="auto">\s*Toner, Trommeln`).MatchString(dl) || !strings.Contains(dl, `<h1 dir="auto">Preisliste</h1>`) {
			t.Errorf("file description and title without dir=auto: %.3000s", dl)
		}
		if list := he.Get("/downloads").Body; !strings.Contains(list, `dir="auto">Preisliste</a>`) {
			t.Errorf("file title in the list without dir=auto: %.3000s", list)
		}

		de := w.as(t, w.user, "user-password-1", "de")
		if art := de.Get("/kb/articles/shalom").Body; !strings.Contains(art, `<div class="prose" lang="he" dir="rtl">`) {
			t.Errorf("Hebrew article on a German page is not right to left: %.2000s", art)
		}
	})
}

// TestTicketPagesExplainThemselves: a resolved ticket that may be reopened says how to
// answer (it showed no reply form and no word why), and an empty list says whether
// nothing matches or there is simply nothing yet (a first visit read "No tickets
// match." under an empty search box).
func TestTicketPagesExplainThemselves(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		w := newWalk(t, e)
		c := w.as(t, w.main, "main-password-1", "en")

		for q, want := range map[string]string{
			// Without any ticket the default list says so (TestTicketListEmptySaysWhy).
			"":                  "No tickets yet. Use “New ticket” to tell us about a request.",
			"?state=done":       "No resolved or closed tickets yet.",
			"?state=all":        "No tickets yet. Use “New ticket” to tell us about a request.",
			"?state=all&q=vpn":  "No tickets match.",
			"?state=all&page=3": "No tickets match.",
		} {
			if body := c.Get("/tickets" + q).Body; !strings.Contains(body, want) {
				t.Errorf("/tickets%s: want %q: %.2500s", q, want, body)
			}
		}

		r := c.PostMultipart("/tickets", map[string]string{"title": "Drucker", "body": "Leere Seiten", "priority": "2"})
		if r.Status != 303 {
			t.Fatalf("create ticket: %d %.400s", r.Status, r.Body)
		}
		path := strings.TrimSuffix(r.Location, "#latest")
		id, err := strconv.ParseInt(strings.TrimPrefix(path, "/tickets/"), 10, 64)
		if err != nil {
			t.Fatalf("ticket location %q", r.Location)
		}
		err = w.env.DB.InTx(ctx, func(tx *db.Tx) error {
			tk, err := ticket.ForStaff(ctx, tx, w.ten.ID, id)
			if err != nil {
				return err
			}
			st, err := ticket.StatusByCode(ctx, tx, w.ten.ID, "resolved")
			if err != nil {
				return err
			}
			_, err = ticket.SetStatus(ctx, tx, tk, st.ID, ticket.Actor{Name: "Agent"}, time.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		page := c.Get(path).Body
		// No plain reply form: the one form posting a reply is the reopen card's, which
		// reopens the ticket with an optional message.
		if strings.Count(page, `action="`+path+`/reply"`) != 1 || !strings.Contains(page, `<input type="hidden" name="reopen" value="1">`) {
			t.Fatal("a resolved ticket offers the plain reply form, or no reopen card")
		}
		if !strings.Contains(page, "This ticket is resolved or closed. If something is still not working, reopen it here.") ||
			!strings.Contains(page, `href="#reopen"`) || !strings.Contains(page, `id="reopen"`) {
			t.Errorf("resolved ticket does not say how to answer: %.3000s", page)
		}
	})
}

// TestSecurityEventsNameTheForm: a wrong password when switching off two-factor
// authentication is listed as that, not as "Password change failed" (the audit log
// files both under one action).
func TestSecurityEventsNameTheForm(t *testing.T) {
	w := newWalk(t, db.SQLite)
	c := w.as(t, w.user, "user-password-1", "en")
	if r := c.Post("/account/twofactor/disable", url.Values{"password": {"not-my-password"}}); r.Status != 422 {
		t.Fatalf("wrong password: %d", r.Status)
	}
	c.Post("/account/password", url.Values{"current": {"also-wrong-1"}, "password": {"new-password-123"}, "password_confirm": {"new-password-123"}})
	page := c.Get("/account").Body
	if !strings.Contains(page, "Switching off two-factor authentication failed (wrong password)") {
		t.Errorf("the 2FA form's failure is not named: %.4000s", page)
	}
	if n := strings.Count(page, "Password change failed (wrong current password)"); n != 1 {
		t.Errorf("password change failures listed %d times, want 1 (the real one)", n)
	}
}

var tileHref = regexp.MustCompile(`<a class="tile" href="([^"]*)">`)

// TestHomeLeadsEverywhere: the home page has a tile for the account page (two-factor,
// passkeys, data export, deleting the account), which only the header linked to; and
// the colleagues list never splits a role inside the word ("Hauptkont-akt").
func TestHomeLeadsEverywhere(t *testing.T) {
	w := newWalk(t, db.SQLite)
	c := w.as(t, w.main, "main-password-1", "de")
	var hrefs []string
	for _, m := range tileHref.FindAllStringSubmatch(c.Get("/").Body, -1) {
		hrefs = append(hrefs, m[1])
	}
	if !strings.Contains(strings.Join(hrefs, " "), "/colleagues /account /settings") {
		t.Errorf("home tiles: %v", hrefs)
	}
	if body := c.Get("/").Body; !strings.Contains(body, "<h2>Mein Konto</h2>") {
		t.Errorf("no account tile: %.2000s", body)
	}
	if body := c.Get("/colleagues").Body; !strings.Contains(body, `<td class="nowrap" data-label="Rolle">Hauptkontakt</td>`) {
		t.Errorf("role cell may break inside the word: %.3000s", body)
	}
}
