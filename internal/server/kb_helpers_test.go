package server_test

import (
	"bytes"
	"context"
	"net/url"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/kb"
	"pforte/internal/tenant"
)

// kbArticle stores an article through the kb package (the back office is tested on
// its own) and returns its id.
func kbArticle(t *testing.T, env *apptest.Env, ten tenant.Tenant, catID int64, slug, status, vis, title, body string) int64 {
	t.Helper()
	id, err := kb.Create(context.Background(), env.DB, ten.ID, 0, kb.Meta{CategoryID: catID, Slug: slug, Status: status,
		Visibility: vis}, kb.Translation{Language: "de", Title: title, Body: body}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// kbCategory stores a category.
func kbCategory(t *testing.T, env *apptest.Env, ten tenant.Tenant, name string) int64 {
	t.Helper()
	c, err := kb.CreateCategory(context.Background(), env.DB, kb.Category{TenantID: ten.ID, Name: name}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// kbImage stores a PNG for an article and returns the image id.
func kbImage(t *testing.T, env *apptest.Env, tenantID, articleID int64) int64 {
	t.Helper()
	st, err := env.App.Env.Files.Put(bytes.NewReader(pngImage(t)), kb.MaxImageBytes)
	if err != nil {
		t.Fatal(err)
	}
	im, err := kb.AddImage(context.Background(), env.DB, tenantID, articleID, 0, kb.Image{Key: st.Key, Type: st.Type,
		Size: st.Size, Name: "bild"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return im.ID
}

// kbForeignAdmin gives TestAdminIsolation tenant B's knowledge base: every back-office
// route with an id, pointed at tenant B's article, text, chosen company, image and
// category. After the test, all of it must still be there, unchanged.
func kbForeignAdmin(t *testing.T, w *world, tenantB int64) map[string]string {
	t.Helper()
	ctx := context.Background()
	tb, err := tenant.Get(ctx, w.env.DB, tenantB)
	if err != nil {
		t.Fatal(err)
	}
	cat := kbCategory(t, w.env, tb, "B-Kategorie")
	art := kbArticle(t, w.env, tb, cat, "b-artikel", kb.StatusDraft, kb.VisibilityCompanies, "B1 AG Geheimnis", "Nur für B1 AG")
	if err := kb.AddCompany(ctx, w.env.DB, tenantB, art, w.b1); err != nil {
		t.Fatal(err)
	}
	img := kbImage(t, w.env, tenantB, art)
	// Reads that a reset (POST …/feedback/reset) would set to zero.
	if _, err := w.env.DB.Exec(ctx, `UPDATE kb_articles SET views = 7 WHERE id = ?`, art); err != nil {
		t.Fatal(err)
	}
	a := "/admin/kb/articles/" + id(art)
	t.Cleanup(func() {
		got, err := kb.Get(ctx, w.env.DB, tenantB, art)
		if err != nil || got.Status != kb.StatusDraft || got.Slug != "b-artikel" || len(got.Translations) != 1 || got.Views != 7 ||
			got.Translations[0].Title != "B1 AG Geheimnis" {
			t.Errorf("tenant B article changed: %+v %v", got, err)
		}
		if cs, _ := kb.Companies(ctx, w.env.DB, tenantB, art); len(cs) != 1 {
			t.Errorf("tenant B article's companies changed: %v", cs)
		}
		if _, err := kb.GetImage(ctx, w.env.DB, tenantB, img); err != nil {
			t.Errorf("tenant B image gone: %v", err)
		}
		if c, err := kb.GetCategory(ctx, w.env.DB, tenantB, cat); err != nil || c.Name != "B-Kategorie" {
			t.Errorf("tenant B category changed: %+v %v", c, err)
		}
	})
	return map[string]string{
		"GET /admin/kb/articles/{id}":                             a,
		"POST /admin/kb/articles/{id}":                            a,
		"POST /admin/kb/articles/{id}/delete":                     a + "/delete",
		"POST /admin/kb/articles/{id}/feedback/reset":             a + "/feedback/reset",
		"GET /admin/kb/articles/{id}/view":                        a + "/view",
		"GET /admin/kb/articles/{id}/translations/{lang}":         a + "/translations/de",
		"POST /admin/kb/articles/{id}/translations/{lang}":        a + "/translations/de",
		"POST /admin/kb/articles/{id}/translations/{lang}/delete": a + "/translations/de/delete",
		"POST /admin/kb/articles/{id}/companies":                  a + "/companies",
		"POST /admin/kb/articles/{id}/companies/{company}/remove": a + "/companies/" + id(w.b1) + "/remove",
		"POST /admin/kb/articles/{id}/images":                     a + "/images",
		"GET /admin/kb/images/{id}":                               "/admin/kb/images/" + id(img),
		"POST /admin/kb/images/{id}/delete":                       "/admin/kb/images/" + id(img) + "/delete",
		"POST /admin/kb/categories/{id}":                          "/admin/kb/categories/" + id(cat),
		"POST /admin/kb/categories/{id}/delete":                   "/admin/kb/categories/" + id(cat) + "/delete",
		"GET /admin/kb/categories/{id}/names":                     "/admin/kb/categories/" + id(cat) + "/names",
		"POST /admin/kb/categories/{id}/names":                    "/admin/kb/categories/" + id(cat) + "/names",
	}
}

func kbQuery(q string) string { return url.QueryEscape(q) }
