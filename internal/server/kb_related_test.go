package server_test

import (
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestKBRelated: below an article, "More in <category>" lists the other articles of
// its category that the reader may read — never the article itself, a draft, another
// company's article, or (for a visitor) one for customers.
func TestKBRelated(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newKBFeedbackWorld(t, e)
		related := func(who string, body string) string {
			t.Helper()
			_, after, ok := strings.Cut(body, `id="kb-related-h"`)
			if !ok {
				t.Fatalf("%s: no related articles", who)
			}
			section, _, _ := strings.Cut(after, "</section>")
			return section
		}
		cases := []struct {
			who       string
			body      string
			want, not []string
		}{
			{"contact A", w.a.Get("/kb/articles/offen").Body,
				[]string{"Mehr in Drucker", "Toner bestellen", "Rahmenvertrag Kunde A", `href="/kb/categories/`},
				[]string{"Toner wechseln", "Entwurf"}},
			{"contact B", w.b.Get("/kb/articles/kunden").Body,
				[]string{"Toner wechseln"},
				[]string{"Toner bestellen", "Rahmenvertrag", "Entwurf"}},
		}
		for _, c := range cases {
			got := related(c.who, c.body)
			for _, s := range c.want {
				if !strings.Contains(got, s) {
					t.Errorf("%s: related lacks %q: %s", c.who, s, got)
				}
			}
			for _, s := range c.not {
				if strings.Contains(got, s) {
					t.Errorf("%s: related shows %q", c.who, s)
				}
			}
		}
		// A visitor reading the only public article of the category sees no section.
		if body := w.visitor.Get("/kb/articles/offen").Body; strings.Contains(body, `id="kb-related-h"`) {
			t.Error("visitor offered related articles they may not read")
		}
	})
}
