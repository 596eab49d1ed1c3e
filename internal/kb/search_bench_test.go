package kb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// BenchmarkSearchLongArticles measures a visitor's search on a public knowledge base of
// 300 long articles (20,000 characters each) for a word standing only in their titles:
// the engines' snippets mark nothing there, so the word-by-word snippet is built, and
// it must be built for the page's results only, not for every candidate row.
func BenchmarkSearchLongArticles(b *testing.B) {
	ctx, now := context.Background(), time.Now()
	words := strings.Fields("Netzwerk Einstellungen Geräte Verbindung Benutzer Konto Server Anmeldung " +
		"Rechnung Wartung Sicherung Zugriff Freigabe Ordner Datei Fehler Meldung Version Treiber Neustart")
	var body strings.Builder
	for i := 0; body.Len() < 20000; i++ {
		body.WriteString(words[(i*7+i/3)%len(words)])
		if i%12 == 11 {
			body.WriteString(".\n\n")
		} else {
			body.WriteString(" ")
		}
	}
	for _, e := range testutil.Engines(b) {
		d := testutil.Open(b, e)
		ten, err := tenant.Create(ctx, d, "Bench GmbH", "de", tenant.Modules, now)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 300 {
			if _, err := kb.Create(ctx, d, ten.ID, 0, kb.Meta{Slug: fmt.Sprintf("anleitung-%d", i), Status: kb.StatusPublished,
				Visibility: kb.VisibilityPublic}, kb.Translation{Language: "de", Title: fmt.Sprintf("Druckerhandbuch Teil %d", i),
				Body: body.String()}, now); err != nil {
				b.Fatal(err)
			}
		}
		v := kb.Viewer{TenantID: ten.ID, Lang: "de", Fallback: "de"}
		b.Run(string(e), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				hits, err := kb.Search(ctx, d, v, "druckerhandbuch", 30) // the portal's page (kbSearchLen)
				if err != nil || len(hits) != 30 {
					b.Fatal(len(hits), err)
				}
			}
		})
		// A word that stands only inside the titles' words: the word indexes find
		// nothing, so the search looks inside words (searchInside), reads the text of
		// up to 200 translations to check where the word stands (insidePart), then
		// makes the page's snippets.
		b.Run(string(e)+"/inside", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				hits, err := kb.Search(ctx, d, v, "handbuch", 30)
				if err != nil || len(hits) != 30 {
					b.Fatal(len(hits), err)
				}
			}
		})
		// A search that finds nothing walks the portal's whole chain of tries: all
		// words, some words, the stems (kb.SearchStems, with and without umlauts),
		// then the words corrected by the titles (kb.SearchCorrected).
		b.Run(string(e)+"/miss", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q := "Heizungsanlagen Passwörter"
				hits, err := kb.Search(ctx, d, v, q, 30)
				if err == nil && len(hits) == 0 {
					hits, err = kb.SearchSome(ctx, d, v, q, 30)
				}
				if err == nil && len(hits) == 0 {
					hits, err = kb.SearchStems(ctx, d, v, q, 30)
				}
				if err == nil && len(hits) == 0 {
					hits, _, err = kb.SearchCorrected(ctx, d, v, q, 30)
				}
				if err != nil || len(hits) != 0 {
					b.Fatal(len(hits), err)
				}
			}
		})
		// A typo the stems do not explain: the correction reads the titles and
		// searches again.
		b.Run(string(e)+"/typo", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				hits, fixed, err := kb.SearchCorrected(ctx, d, v, "Druckerhadnbuch", 30)
				if err != nil || len(hits) != 30 || fixed != "druckerhandbuch" {
					b.Fatal(len(hits), fixed, err)
				}
			}
		})
	}
}
