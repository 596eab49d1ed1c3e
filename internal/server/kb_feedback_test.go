package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// kbFeedbackWorld is a tenant with companies A and B, a contact of each, articles for
// everyone, for customers, for A only and a draft, and another tenant's article.
type kbFeedbackWorld struct {
	env                                     *apptest.Env
	ten                                     tenant.Tenant
	a, b, visitor                           *apptest.Client
	public, customers, forA, draft, foreign int64
}

func newKBFeedbackWorld(t *testing.T, e db.Engine) *kbFeedbackWorld {
	env := apptest.Start(t, e)
	ten, other := env.Tenant("Service GmbH", "a.test"), env.Tenant("Fremd GmbH", "b.test")
	coA, coB := env.Company(ten, "Kunde A"), env.Company(ten, "Kunde B")
	env.Contact(ten, "a@kunde-a.test", "kunde-a-password", "user", coA)
	env.Contact(ten, "b@kunde-b.test", "kunde-b-password", "user", coB)
	cat := kbCategory(t, env, ten, "Drucker")
	w := &kbFeedbackWorld{env: env, ten: ten,
		public:    kbArticle(t, env, ten, cat, "offen", kb.StatusPublished, kb.VisibilityPublic, "Toner wechseln", "Klappe öffnen."),
		customers: kbArticle(t, env, ten, cat, "kunden", kb.StatusPublished, kb.VisibilityCustomers, "Toner bestellen", "Im Shop."),
		forA:      kbArticle(t, env, ten, cat, "nur-a", kb.StatusPublished, kb.VisibilityCompanies, "Rahmenvertrag Kunde A", "Geheim."),
		draft:     kbArticle(t, env, ten, cat, "entwurf", kb.StatusDraft, kb.VisibilityPublic, "Toner Entwurf", "Noch nicht."),
		foreign:   kbArticle(t, env, other, 0, "fremd", kb.StatusPublished, kb.VisibilityPublic, "Fremder Artikel", "Fremd."),
	}
	if err := kb.AddCompany(context.Background(), env.DB, ten.ID, w.forA, coA.ID); err != nil {
		t.Fatal(err)
	}
	w.a, w.b, w.visitor = env.Client("a.test"), env.Client("a.test"), env.Client("a.test")
	w.a.Login("a@kunde-a.test", "kunde-a-password")
	w.b.Login("b@kunde-b.test", "kunde-b-password")
	return w
}

// answers counts the stored answers.
func (w *kbFeedbackWorld) answers(t *testing.T) int {
	t.Helper()
	var n int
	if err := w.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM kb_feedback`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestKBFeedbackVote: a contact answers once and changes the answer; a "no" unfolds the
// comment form without script; a too long comment comes back with the message and the
// text; thanks in the contact's language; a visitor is asked to sign in.
func TestKBFeedbackVote(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newKBFeedbackWorld(t, e)
		action := `action="/kb/articles/kunden/feedback#feedback"`

		page := w.a.Get("/kb/articles/kunden")
		if page.Status != 200 || !strings.Contains(page.Body, "War dieser Artikel hilfreich?") || !strings.Contains(page.Body, action) ||
			strings.Contains(page.Body, `name="comment"`) {
			t.Fatalf("article page before answering: %d", page.Status)
		}
		r := w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"yes"}})
		if r.Status != 303 || r.Location != "/kb/articles/kunden#feedback" {
			t.Fatalf("yes: %d %q", r.Status, r.Location)
		}
		page = w.a.Get("/kb/articles/kunden")
		if !strings.Contains(page.Body, "Vielen Dank für Ihre Rückmeldung.") || !strings.Contains(page.Body, "Dieser Artikel hat Ihnen geholfen.") {
			t.Errorf("no thanks after yes")
		}
		w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"no"}})
		page = w.a.Get("/kb/articles/kunden")
		if !strings.Contains(page.Body, "Was hat gefehlt?") || !strings.Contains(page.Body, `name="comment"`) ||
			!strings.Contains(page.Body, "Dieser Artikel hat Ihnen nicht geholfen.") {
			t.Errorf("no comment form after no")
		}
		if n := w.answers(t); n != 1 {
			t.Errorf("%d answers after changing, want 1", n)
		}

		long := strings.Repeat("x", kb.MaxFeedbackComment) + "ENDE"
		r = w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"no"}, "comment": {long}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte höchstens 1.000 Zeichen eingeben.") || !strings.Contains(r.Body, long) ||
			!strings.Contains(r.Body, `aria-invalid="true"`) {
			t.Errorf("too long comment: %d", r.Status)
		}
		r = w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"vielleicht"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte antworten Sie mit Ja oder Nein.") {
			t.Errorf("made-up answer: %d", r.Status)
		}
		r = w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"no"}, "comment": {"Es fehlt\r\nein Bild"}})
		if r.Status != 303 {
			t.Fatalf("comment: %d", r.Status)
		}
		page = w.a.Get("/kb/articles/kunden")
		if !strings.Contains(page.Body, "Ihr Kommentar hilft uns") || !strings.Contains(page.Body, "Es fehlt\nein Bild</textarea>") {
			t.Errorf("comment not kept on the page")
		}

		// A visitor is asked to sign in; a form sent anyway stores nothing.
		page = w.visitor.Get("/kb/articles/offen")
		if !strings.Contains(page.Body, "Melden Sie sich an, um diesen Artikel zu bewerten") ||
			!strings.Contains(page.Body, `href="/login?next=%2Fkb%2Farticles%2Foffen"`) || strings.Contains(page.Body, "/feedback") {
			t.Errorf("visitor's article page")
		}
		if r := w.visitor.Post("/kb/articles/offen/feedback", url.Values{"helpful": {"yes"}}); r.Status != 401 {
			t.Errorf("visitor votes: %d", r.Status)
		}
		if n := w.answers(t); n != 1 {
			t.Errorf("%d answers, want 1", n)
		}
	})
}

// TestKBFeedbackIsolation: answering an article one may not read is a 404 without its
// title, for a contact of another company, a visitor, and on another tenant's host.
func TestKBFeedbackIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newKBFeedbackWorld(t, e)
		refs := []string{id(w.forA), "nur-a", id(w.draft), "entwurf", id(w.foreign), "fremd", "0", "abc", "%00"}
		for who, c := range map[string]*apptest.Client{"contact B": w.b, "visitor": w.visitor} {
			for _, ref := range refs {
				r := c.Post("/kb/articles/"+ref+"/feedback", url.Values{"helpful": {"no"}, "comment": {"x"}})
				if r.Status != 404 || strings.Contains(r.Body, "Rahmenvertrag") || strings.Contains(r.Body, "Fremder") {
					t.Errorf("%s answers %s: %d, want 404", who, ref, r.Status)
				}
			}
		}
		if r := w.env.Client("b.test").Post("/kb/articles/"+id(w.public)+"/feedback", url.Values{"helpful": {"yes"}}); r.Status != 404 {
			t.Errorf("tenant A's article on tenant B's host: %d", r.Status)
		}
		if n := w.answers(t); n != 0 {
			t.Errorf("%d answers stored, want 0", n)
		}
		if r := w.a.Post("/kb/articles/nur-a/feedback", url.Values{"helpful": {"yes"}}); r.Status != 303 {
			t.Errorf("company A's own article: %d", r.Status)
		}
	})
}

// TestKBViewsAndMostRead: a contact's reloads count once, and so do a visitor's; a
// second browser counts again, a crawler never;
// "Most read" on the start page shows only what the reader may see, most read first.
func TestKBViewsAndMostRead(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newKBFeedbackWorld(t, e)
		ctx := context.Background()
		views := func(art int64) (n int64) {
			w.env.DB.QueryRow(ctx, `SELECT views FROM kb_articles WHERE id = ?`, art).Scan(&n)
			return n
		}
		w.visitor.UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
		other, crawler := w.env.Client("a.test"), w.env.Client("a.test")
		other.UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"
		crawler.UserAgent = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
		for range 3 {
			w.a.Get("/kb/articles/kunden")
			w.visitor.Get("/kb/articles/offen")
			crawler.Get("/kb/articles/offen")
		}
		w.b.Get("/kb/articles/kunden")
		if r := other.Get("/kb/articles/offen"); r.Status != 200 {
			t.Fatalf("visitor on another browser: %d", r.Status)
		}
		if v := views(w.customers); v != 2 {
			t.Errorf("customers' article read %d times, want 2 (a once, b once)", v)
		}
		if v := views(w.public); v != 2 {
			t.Errorf("public article read %d times, want 2 (one per browser, no crawler)", v)
		}

		// More articles than the list holds; A's restricted one is read most.
		for i, slug := range []string{"p1", "p2", "p3", "p4", "p5", "p6"} {
			aid := kbArticle(t, w.env, w.ten, 0, slug, kb.StatusPublished, kb.VisibilityPublic, "Allgemein "+slug, "x")
			w.env.DB.Exec(ctx, `UPDATE kb_articles SET views = ? WHERE id = ?`, 10+i, aid)
		}
		w.env.DB.Exec(ctx, `UPDATE kb_articles SET views = 1000 WHERE id IN (?, ?)`, w.forA, w.draft)
		w.env.DB.Exec(ctx, `UPDATE kb_articles SET views = 2000 WHERE id = ?`, w.foreign)
		popular := func(c *apptest.Client) string {
			body := c.Get("/kb").Body
			_, after, ok := strings.Cut(body, `id="kb-popular-h"`)
			if !ok {
				t.Fatal("no most-read list")
			}
			return after
		}
		if p := popular(w.a); !strings.HasPrefix(strings.TrimSpace(p[strings.Index(p, "<li>"):]), `<li><a href="/kb/articles/nur-a"`) {
			t.Errorf("contact A's most read does not start with A's article: %.300s", p)
		}
		for who, c := range map[string]*apptest.Client{"contact B": w.b, "visitor": w.visitor} {
			p := popular(c)
			for _, leak := range []string{"Rahmenvertrag", "Entwurf", "Fremder"} {
				if strings.Contains(p, leak) {
					t.Errorf("%s's most read shows %q", who, leak)
				}
			}
			if !strings.Contains(p, "Allgemein p6") || strings.Contains(p, "Allgemein p1") {
				t.Errorf("%s's most read is not the five most read", who)
			}
		}
	})
}
