package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestKBLanguageNoticeAndHelp: a reader whose language an article lacks reads it in
// English, else in the tenant's default, and is told so above it; a version asked for
// and written shows without a notice. Under every article a signed-in contact is
// offered a new ticket, a visitor the sign-in leading there; after a "no" the offer
// stands in the feedback card instead. Without the helpdesk nothing is offered.
// Search snippets keep an article's table cells apart.
func TestKBLanguageNoticeAndHelp(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde A")
		ct := env.Contact(ten, "f@kunde-a.test", "kunde-f-password", "user", co)
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, ct.ID, "fr"); err != nil {
			t.Fatal(err)
		}
		cat := kbCategory(t, env, ten, "Drucker")
		both := kbArticle(t, env, ten, cat, "drucker", kb.StatusPublished, kb.VisibilityPublic, "Drucker einrichten",
			"## Fehler\n\n| Meldung | Ursache | Lösung |\n|---|---|---|\n| Papierstau | Falsches Papier | Fach leeren |\n")
		if err := kb.SaveTranslation(ctx, env.DB, ten.ID, both, kb.Translation{Language: "en", Title: "Set up the printer",
			Body: "Open the settings."}, time.Now()); err != nil {
			t.Fatal(err)
		}
		kbArticle(t, env, ten, cat, "vpn", kb.StatusPublished, kb.VisibilityCustomers, "VPN einrichten", "WireGuard laden.")
		fr := i18n.For("fr")
		// The languages are named in French, in the sentence's grammar ("en anglais", not
		// "en English"); TestKBLangNoteNames has every language.
		note := func(wanted, shown string) string {
			return "Cet article n’est pas disponible en " + wanted + "\u00a0; il est affiché en " + shown + "."
		}
		f := env.Client("a.test")
		f.Login("f@kunde-a.test", "kunde-f-password")

		for _, c := range []struct{ path, title, notice string }{
			{"/kb/articles/drucker", "Set up the printer", note("français", "anglais")},
			{"/kb/articles/vpn", "VPN einrichten", note("français", "allemand")},
			{"/kb/articles/drucker?lang=th", "Set up the printer", note("thaï", "anglais")},
			{"/kb/articles/drucker?lang=de", "Drucker einrichten", ""},
		} {
			r := f.Get(c.path)
			if r.Status != 200 || !strings.Contains(r.Body, c.title) {
				t.Errorf("%s: %d, want %q", c.path, r.Status, c.title)
			}
			shown := strings.Contains(r.Body, `<p class="flash" role="note">`)
			if c.notice != "" && !strings.Contains(r.Body, `<p class="flash" role="note">`+c.notice+`</p>`) || c.notice == "" && shown {
				t.Errorf("%s: notice %v, want %q", c.path, shown, c.notice)
			}
		}

		// The way to a new ticket.
		open := `<a href="/tickets/new">` + fr.T("portal_qa.kb_help_open") + `</a>`
		// The question and the link's sentence apart by a space ("résolu ?Ouvrir" ran
		// them together).
		if r := f.Get("/kb/articles/vpn"); strings.Count(r.Body, open) != 1 || !strings.Contains(r.Body, fr.T("portal_qa.kb_help")+" "+open) {
			t.Errorf("no new ticket offered under the article")
		}
		if r := f.Post("/kb/articles/vpn/feedback", url.Values{"helpful": {"no"}}); r.Status != 303 {
			t.Fatalf("answer no: %d", r.Status)
		}
		r := f.Get("/kb/articles/vpn")
		card := r.Body[strings.Index(r.Body, `id="feedback"`):]
		if strings.Count(r.Body, open) != 1 || !strings.Contains(card, fr.T("portal_qa.kb_help")+" "+open) {
			t.Errorf("after a no, the offer is not in the feedback card (once)")
		}
		visitor := env.Client("a.test")
		signIn := `<a href="/login?next=%2Ftickets%2Fnew">` + i18n.For("de").T("portal_qa.kb_help_sign_in") + `</a>`
		if r := visitor.Get("/kb/articles/drucker?lang=de"); !strings.Contains(r.Body, i18n.For("de").T("portal_qa.kb_help")+" "+signIn) || strings.Contains(r.Body, `href="/tickets/new"`) {
			t.Errorf("visitor not offered the sign-in to a new ticket")
		}

		// Snippets read the table's cells apart.
		if r := visitor.Get("/kb/search?q=ursache"); !strings.Contains(r.Body, "Meldung · <mark>Ursache</mark> · Lösung · Papierstau") {
			t.Errorf("snippet runs the cells together: %.2000s", r.Body[max(0, strings.Index(r.Body, "<mark>")-200):])
		}

		if err := tenant.SetModules(ctx, env.DB, ten.ID, []string{"knowledge"}); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		for _, c := range []struct {
			name, path string
			get        func(string) string
		}{
			{"contact", "/kb/articles/vpn", func(p string) string { return f.Get(p).Body }},
			{"visitor", "/kb/articles/drucker", func(p string) string { return visitor.Get(p).Body }},
		} {
			if b := c.get(c.path); strings.Contains(b, "/tickets/new") || strings.Contains(b, `class="kb-help"`) {
				t.Errorf("%s offered a ticket without the helpdesk", c.name)
			}
		}
	})
}
