package portal_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBSearchFindsPlurals: the ticket form's suggestions rank by stems, so they offer
// "Passwort vergessen" for "Passwörter", and their "search the knowledge base" link
// answered "no article matches" for the same word. The search page falls back to the
// words' stems when nothing else is found.
func TestKBSearchFindsPlurals(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newWalk(t, e)
		if _, err := kb.Create(context.Background(), w.env.DB, w.ten.ID, 0, kb.Meta{Slug: "passwort-vergessen",
			Status: kb.StatusPublished, Visibility: kb.VisibilityPublic}, kb.Translation{Language: "de",
			Title: "Passwort vergessen", Body: "So setzen Sie Ihr Passwort zurück."}, time.Now()); err != nil {
			t.Fatal(err)
		}
		c := w.as(t, w.main, "main-password-1", "de")
		for _, q := range []string{"Passwörter", "Passworte"} {
			body := c.Get("/kb/search?q=" + url.QueryEscape(q)).Body
			if !strings.Contains(body, `href="/kb/articles/passwort-vergessen"`) {
				t.Errorf("search for %q misses the article: %.2000s", q, body)
			}
		}
	})
}
