package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBFormAllErrorsAtOnce: a new article with a title of spaces, an invalid slug and
// "chosen companies" but none chosen gets all three messages on the first submit, with
// what was typed kept; the settings form of a stored article likewise shows the slug's
// and the companies' messages together.
func TestKBFormAllErrorsAtOnce(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, _, agent := kbStaff(t, e)
		r := agent.Post("/admin/kb", url.Values{"language": {"de"}, "title": {"   "}, "slug": {"Nicht Gültig!"},
			"body": {"Mein Text bleibt"}, "status": {kb.StatusPublished}, "visibility": {kb.VisibilityCompanies}})
		if r.Status != 422 {
			t.Fatalf("new article: %d", r.Status)
		}
		for _, want := range []string{`id="e-title"`, `id="e-slug"`, `id="e-visibility"`,
			"Bitte füllen Sie dieses Feld aus.", "Bitte nur Kleinbuchstaben", "Es ist noch keine Firma angehakt",
			"Nicht Gültig!", "Mein Text bleibt"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("new article: %q missing", want)
			}
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM kb_articles`); n != 0 {
			t.Errorf("%d articles stored from an invalid form", n)
		}

		art := kbCreate(t, agent, "Anleitung", "Text", kb.StatusDraft, kb.VisibilityCustomers)
		r = agent.Post(art, url.Values{"slug": {"Nicht Gültig!"}, "status": {kb.StatusPublished}, "visibility": {kb.VisibilityCompanies}})
		if r.Status != 422 {
			t.Fatalf("settings: %d", r.Status)
		}
		for _, want := range []string{`id="e-slug"`, `id="e-visibility"`, "Bitte nur Kleinbuchstaben",
			"Es ist noch keine Firma angehakt", "Nicht Gültig!"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("settings: %q missing", want)
			}
		}
	})
}
