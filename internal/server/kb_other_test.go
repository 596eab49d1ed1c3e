package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestKBOtherArticles: articles without a category — written without one, or left by a
// deleted category — are listed under "Other articles" on the start page and on a page
// of their own, each reader seeing only what they may read; with none, there is no such
// entry and the page is a 404.
func TestKBOtherArticles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := context.Background()
		var tid int64
		w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&tid)
		ta, _ := tenant.Get(ctx, w.env.DB, tid)
		cat := kbCategory(t, w.env, ta, "Drucker")
		kbArticle(t, w.env, ta, cat, "toner", kb.StatusPublished, kb.VisibilityPublic, "Toner wechseln", "x")
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		bob := w.env.Client("a.test")
		bob.Login("bob@a2.test", "bob-password-1")
		visitor := w.env.Client("a.test")

		if r := alice.Get("/kb"); r.Status != 200 || strings.Contains(r.Body, `href="/kb/other"`) {
			t.Fatalf("start page without uncategorised articles: %d, links to other articles", r.Status)
		}
		if r := alice.Get("/kb/other"); r.Status != 404 {
			t.Errorf("other articles with none: %d", r.Status)
		}

		kbArticle(t, w.env, ta, 0, "wlan", kb.StatusPublished, kb.VisibilityCustomers, "WLAN einrichten", "x")
		forA2 := kbArticle(t, w.env, ta, 0, "nur-a2", kb.StatusPublished, kb.VisibilityCompanies, "Geheim A2", "x")
		if err := kb.AddCompany(ctx, w.env.DB, ta.ID, forA2, w.a2); err != nil {
			t.Fatal(err)
		}
		if err := kb.DeleteCategory(ctx, w.env.DB, ta.ID, cat); err != nil { // its article stays, without a category
			t.Fatal(err)
		}
		for _, c := range []struct {
			who      string
			c        getter
			count    string
			has, not []string
		}{
			{"alice", alice, "(2)", []string{"Toner wechseln", "WLAN einrichten"}, []string{"Geheim A2"}},
			{"bob", bob, "(3)", []string{"Toner wechseln", "WLAN einrichten", "Geheim A2"}, nil},
			{"visitor", visitor, "(1)", []string{"Toner wechseln"}, []string{"WLAN einrichten", "Geheim A2"}},
		} {
			home := c.c.Get("/kb").Body
			if !strings.Contains(home, `<a href="/kb/other">Weitere Artikel</a> <span class="muted">`+c.count) {
				t.Errorf("%s: start page lacks other articles %s", c.who, c.count)
			}
			r := c.c.Get("/kb/other")
			if r.Status != 200 {
				t.Fatalf("%s: other articles: %d", c.who, r.Status)
			}
			for _, s := range c.has {
				if !strings.Contains(r.Body, s) {
					t.Errorf("%s: other articles lack %q", c.who, s)
				}
			}
			for _, s := range c.not {
				if strings.Contains(r.Body, s) {
					t.Errorf("%s: other articles show %q", c.who, s)
				}
			}
		}
	})
}
