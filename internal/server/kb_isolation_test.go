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

// TestKBIsolation walks the knowledge base's id routes with ids a reader may not see:
// another tenant's article, category and image; an article chosen for another company
// of the tenant (also for a contact whose access to that company was revoked); a
// draft; ids that are no ids. Every one is a 404 without the article's title.
func TestKBIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := context.Background()
		var ta, tb tenant.Tenant
		for _, c := range []struct {
			co  int64
			ten *tenant.Tenant
		}{{w.a1, &ta}, {w.b1, &tb}} {
			var tid int64
			w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM companies WHERE id = ?`, c.co).Scan(&tid)
			*c.ten, _ = tenant.Get(ctx, w.env.DB, tid)
		}
		catA := kbCategory(t, w.env, ta, "Allgemein")
		public := kbArticle(t, w.env, ta, catA, "offen", kb.StatusPublished, kb.VisibilityPublic, "Offener Artikel", "Für alle lesbar")
		forA2 := kbArticle(t, w.env, ta, catA, "nur-a2", kb.StatusPublished, kb.VisibilityCompanies, "Geheim A2", "Zauberwort Kobold")
		if err := kb.AddCompany(ctx, w.env.DB, ta.ID, forA2, w.a2); err != nil {
			t.Fatal(err)
		}
		imgA2 := kbImage(t, w.env, ta.ID, forA2)
		draft := kbArticle(t, w.env, ta, catA, "entwurf", kb.StatusDraft, kb.VisibilityPublic, "Entwurf Artikel", "Zauberwort Kobold")
		catOnlyA2 := kbCategory(t, w.env, ta, "Nur A2")
		onlyA2 := kbArticle(t, w.env, ta, catOnlyA2, "nur-a2-kategorie", kb.StatusPublished, kb.VisibilityCompanies, "Geheim Kategorie", "x")
		kb.AddCompany(ctx, w.env.DB, ta.ID, onlyA2, w.a2)
		catB := kbCategory(t, w.env, tb, "B-Kategorie")
		foreign := kbArticle(t, w.env, tb, catB, "fremd", kb.StatusPublished, kb.VisibilityPublic, "Fremder Artikel", "Zauberwort Kobold")
		imgB := kbImage(t, w.env, tb.ID, foreign)

		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		dave := w.env.Client("a.test")
		dave.Login("dave@a1.test", "dave-password")
		bob := w.env.Client("a.test")
		bob.Login("bob@a2.test", "bob-password-1")
		visitor := w.env.Client("a.test")

		if r := alice.Get("/kb/articles/offen"); r.Status != 200 || !strings.Contains(r.Body, "Offener Artikel") {
			t.Fatalf("own public article: %d", r.Status)
		}
		if r := bob.Get("/kb/articles/" + id(forA2)); r.Status != 200 || !strings.Contains(r.Body, "Geheim A2") {
			t.Fatalf("A2's article for bob: %d", r.Status)
		}
		if r := bob.Get("/kb/images/" + id(imgA2)); r.Status != 200 {
			t.Fatalf("A2's image for bob: %d", r.Status)
		}
		paths := []string{
			"/kb/articles/" + id(forA2), "/kb/articles/nur-a2", "/kb/images/" + id(imgA2),
			"/kb/articles/" + id(draft), "/kb/articles/entwurf",
			"/kb/articles/" + id(foreign), "/kb/articles/fremd", "/kb/images/" + id(imgB),
			"/kb/categories/" + id(catB), "/kb/categories/" + id(catOnlyA2),
			"/kb/articles/0", "/kb/articles/-1", "/kb/articles/99999999999999999999", "/kb/articles/%00",
			"/kb/categories/abc", "/kb/categories/0", "/kb/images/abc", "/kb/images/999999",
		}
		for who, c := range map[string]getter{"alice": alice, "dave": dave, "visitor": visitor} {
			for _, p := range paths {
				r := c.Get(p)
				if r.Status != 404 {
					t.Errorf("%s GET %s: %d, want 404", who, p, r.Status)
				}
				for _, leak := range []string{"Geheim", "Entwurf Artikel", "Fremder Artikel", "Zauberwort"} {
					if strings.Contains(r.Body, leak) {
						t.Errorf("%s GET %s leaks %q", who, p, leak)
					}
				}
			}
			// Answering "Was this article helpful?" on the same articles: 404 too.
			for _, p := range paths {
				if !strings.HasPrefix(p, "/kb/articles/") {
					continue
				}
				if r := c.Post(p+"/feedback", url.Values{"helpful": {"no"}, "comment": {"x"}}); r.Status != 404 {
					t.Errorf("%s POST %s/feedback: %d, want 404", who, p, r.Status)
				}
			}
			for _, p := range []string{"/kb/search?q=Zauberwort", "/kb/suggest?q=Zauberwort", "/kb/suggest?title=Kobold", "/kb",
				"/kb/categories/" + id(catA)} {
				r := c.Get(p)
				if r.Status != 200 || strings.Contains(r.Body, "Geheim") || strings.Contains(r.Body, "Fremder") ||
					strings.Contains(r.Body, "Entwurf Artikel") || strings.Contains(r.Body, "Nur A2") {
					t.Errorf("%s GET %s: %d or leaks", who, p, r.Status)
				}
			}
		}
		var answers int
		w.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM kb_feedback`).Scan(&answers)
		if answers != 0 {
			t.Errorf("%d answers stored on articles nobody may read", answers)
		}
		// Tenant B's reader does not see tenant A's public article either.
		if r := w.env.Client("b.test").Get("/kb/articles/" + id(public)); r.Status != 404 {
			t.Errorf("tenant A article on tenant B's host: %d", r.Status)
		}
	})
}

// getter is what the isolation walk needs of a client: reading, and answering under an
// article.
type getter interface {
	Get(path string) apptest.Response
	Post(path string, form url.Values) apptest.Response
}
