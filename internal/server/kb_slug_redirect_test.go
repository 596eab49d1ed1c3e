package server_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBFormerSlugRedirect: after staff change an article's slug, links to the old
// address lead to the new one (permanently, ?lang= kept), for visitors and contacts
// alike, but only to an article the reader may see: otherwise the same 404 as for an
// address that never existed.
func TestKBFormerSlugRedirect(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		coA, coB := env.Company(ten, "Kunde A"), env.Company(ten, "Kunde B")
		env.Contact(ten, "a@kunde-a.test", "kunde-a-password", "user", coA)
		env.Contact(ten, "b@kunde-b.test", "kunde-b-password", "user", coB)
		other := env.Tenant("Fremd GmbH", "b.test")
		pub := kbArticle(t, env, ten, 0, "drucker-einrichten", kb.StatusPublished, kb.VisibilityPublic, "Drucker", "Text")
		chosen := kbArticle(t, env, ten, 0, "konditionen-alt", kb.StatusPublished, kb.VisibilityCompanies, "Konditionen", "Text")
		if err := kb.AddCompany(ctx, env.DB, ten.ID, chosen, coA.ID); err != nil {
			t.Fatal(err)
		}
		kbArticle(t, env, other, 0, "fremd-neu", kb.StatusPublished, kb.VisibilityPublic, "Fremd", "Text")
		rename := func(tenantID, id int64, slug, vis string) {
			t.Helper()
			if err := kb.Update(ctx, env.DB, tenantID, id, kb.Meta{Slug: slug, Status: kb.StatusPublished, Visibility: vis},
				time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		rename(ten.ID, pub, "drucker-unter-windows", kb.VisibilityPublic)
		rename(ten.ID, chosen, "konditionen", kb.VisibilityCompanies)

		visitor := env.Client("a.test")
		a := env.Client("a.test")
		a.Login("a@kunde-a.test", "kunde-a-password")
		b := env.Client("a.test")
		b.Login("b@kunde-b.test", "kunde-b-password")
		for _, c := range []*apptest.Client{visitor, a, b} {
			res := c.Get("/kb/articles/drucker-einrichten?lang=de")
			if res.Status != http.StatusPermanentRedirect || res.Location != "/kb/articles/drucker-unter-windows?lang=de" {
				t.Errorf("old public slug: %d → %q", res.Status, res.Location)
			}
			if res := c.Get(res.Location); res.Status != http.StatusOK {
				t.Errorf("new slug: %d", res.Status)
			}
		}
		if res := a.Get("/kb/articles/konditionen-alt"); res.Status != http.StatusPermanentRedirect ||
			res.Location != "/kb/articles/konditionen" {
			t.Errorf("chosen company's old slug: %d → %q", res.Status, res.Location)
		}
		// Readers who may not see the article learn nothing: a 404 like any unknown slug.
		for name, c := range map[string]*apptest.Client{"visitor": visitor, "contact B": b} {
			got, unknown := c.Get("/kb/articles/konditionen-alt"), c.Get("/kb/articles/nie-gab-es")
			if got.Status != http.StatusNotFound || got.Location != "" || unknown.Status != http.StatusNotFound {
				t.Errorf("%s: hidden article's old slug %d → %q (unknown: %d)", name, got.Status, got.Location, unknown.Status)
			}
		}
		// Another tenant's history is not this tenant's.
		if err := kb.Update(ctx, env.DB, other.ID, mustArticleID(t, env, other.ID, "fremd-neu"), kb.Meta{Slug: "fremd-umbenannt",
			Status: kb.StatusPublished, Visibility: kb.VisibilityPublic}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if res := visitor.Get("/kb/articles/fremd-neu"); res.Status != http.StatusNotFound {
			t.Errorf("other tenant's old slug: %d → %q", res.Status, res.Location)
		}
	})
}

// mustArticleID is the id of the tenant's article with slug.
func mustArticleID(t *testing.T, env *apptest.Env, tenantID int64, slug string) int64 {
	t.Helper()
	var id int64
	if err := env.DB.QueryRow(context.Background(), `SELECT id FROM kb_articles WHERE tenant_id = ? AND slug = ?`,
		tenantID, slug).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
