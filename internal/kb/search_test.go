package kb_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestSearchParity runs one table of queries on every engine and demands the same
// articles from each: the expected list is written down once, so SQLite's FTS5 and
// PostgreSQL's tsvector must both produce it.
func TestSearchParity(t *testing.T) {
	queries := []struct {
		q       string
		visitor []string // public articles only
		contact []string // a contact of company A
	}{
		{"drucker", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"DRUCKER windows", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"druck", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"printer", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"netzwerkdrucker", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"Geräte", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"gerate", nil, nil},
		{"E-Mail", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"support@demo-service.de", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"windows 11", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"wireguard", nil, []string{"vpn-verbindung"}},
		{"1.0.5", nil, []string{"vpn-verbindung"}},
		{"wg0", nil, []string{"vpn-verbindung"}},
		{"10.8.0.2", nil, []string{"vpn-verbindung"}},
		{"Interface", nil, []string{"vpn-verbindung"}},
		{"musterstraße", []string{"passwort-zuruecksetzen"}, []string{"passwort-zuruecksetzen"}},
		{"äöü", []string{"passwort-zuruecksetzen"}, []string{"passwort-zuruecksetzen"}},
		{"zurücksetzen Passwort", []string{"passwort-zuruecksetzen"}, []string{"passwort-zuruecksetzen"}},
		{"password", []string{"passwort-zuruecksetzen"}, []string{"passwort-zuruecksetzen"}},
		{"rechnung pdf", nil, []string{"rechnungen-pdf"}},
		{"pdf", nil, []string{"rechnungen-pdf"}},
		{"wartung", nil, []string{"sonderkonditionen"}},
		{"Sonderkonditionen", nil, []string{"sonderkonditionen"}},
		{"toner", nil, nil},   // only in a draft
		{"fremden", nil, nil}, // only in another tenant
		{"bluetooth", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"die", []string{"passwort-zuruecksetzen"}, []string{"passwort-zuruecksetzen"}},
		{"the", []string{"drucker-einrichten", "passwort-zuruecksetzen"}, []string{"drucker-einrichten", "passwort-zuruecksetzen"}},
		{"a", nil, nil}, // a single letter is no search word (MinWordChars)
		{"<b>", nil, nil},
		{"b wartung", nil, []string{"sonderkonditionen"}},
		{"", nil, nil},
		{"   ", nil, nil},
		{`"OR* NEAR( -`, nil, nil},
		{"drucker' OR 1=1 --", nil, nil},
		{"x:* & !y | (z)", nil, nil},
		{"nichtvorhanden", nil, nil},
		// Inside longer words (German compounds), when the word search finds too few.
		{"werkdrucker", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"NETZWERKDRUCK", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}},
		{"guard", nil, []string{"vpn-verbindung"}},
		{"oner", nil, nil},  // inside "toner", which only a draft holds
		{"voice", nil, nil}, // "in|voice": two letters are no first part of a compound
	}
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		for _, c := range queries {
			for _, who := range []struct {
				name string
				v    kb.Viewer
				want []string
			}{{"visitor", f.viewer(nil, "de"), c.visitor}, {"contact", f.viewer(&f.a, "de"), c.contact}} {
				hits, err := kb.Search(ctx, f.d, who.v, c.q, 50)
				if err != nil {
					t.Fatalf("%q (%s): %v", c.q, who.name, err)
				}
				var got []string
				for _, h := range hits {
					got = append(got, h.Slug)
				}
				slices.Sort(got)
				if !slices.Equal(got, who.want) {
					t.Errorf("%q as %s: got %v, want %v", c.q, who.name, got, who.want)
				}
			}
		}
	})
}

// TestSearchSnippets: matches are marked, the text around them escaped, and a reader
// gets the translation in their language when it matched.
func TestSearchSnippets(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		hits, err := kb.Search(ctx, f.d, f.viewer(nil, "en"), "windows", 10)
		if err != nil || len(hits) != 1 {
			t.Fatalf("hits %v, %v", hits, err)
		}
		if hits[0].Language != "en" || hits[0].Title != "Set up a printer on Windows 11" {
			t.Errorf("english reader got %q (%s)", hits[0].Title, hits[0].Language)
		}
		hits, _ = kb.Search(ctx, f.d, f.viewer(nil, "de"), "netzwerkdrucker", 10)
		if len(hits) != 1 || !strings.Contains(string(hits[0].Snippet), "<mark>Netzwerkdrucker</mark>") {
			t.Errorf("snippet: %v", hits)
		}
		// Markup typed into an article never reaches the snippet as markup.
		if _, err := kb.Create(ctx, f.d, f.t.ID, 0, kb.Meta{Slug: "xss", Status: kb.StatusPublished, Visibility: kb.VisibilityPublic},
			kb.Translation{Language: "de", Title: "Sicherheit", Body: "Achtung `<script>alert(1)</script>` und <b>fett</b> & <mark>x</mark> sicherheitslücke"}, f.now()); err != nil {
			t.Fatal(err)
		}
		hits, _ = kb.Search(ctx, f.d, f.viewer(nil, "de"), "sicherheitslücke", 10)
		if len(hits) != 1 {
			t.Fatalf("xss article not found: %v", hits)
		}
		s := string(hits[0].Snippet)
		if strings.Contains(s, "<script") || strings.Contains(s, "<b>") || strings.Count(s, "<mark>") != 1 ||
			!strings.Contains(s, "<mark>sicherheitslücke</mark>") {
			t.Errorf("unsafe snippet: %s", s)
		}
		// FTS5 keeps the code text, escaped; ts_headline leaves tag-like words out.
		if e == db.SQLite && !strings.Contains(s, "&lt;script&gt;") {
			t.Errorf("code text lost: %s", s)
		}
	})
}
