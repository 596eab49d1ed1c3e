package kb_test

import (
	"context"
	"testing"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestSearchCorrected: a slip of the keyboard or two words run together find the
// article by the title words the reader may see, on both engines, and say what was
// searched instead; a word only a hidden article's title holds is never offered,
// and what no title is close to stays unanswered.
func TestSearchCorrected(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		if _, err := kb.SaveCategoryNames(ctx, f.d, f.t.ID, f.cat.ID, map[string]string{"en": "Network devices"}); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			q         string
			c         *company.Company
			want      string // slug of the first hit, "" for none
			corrected string
			lang      string // the reader's, "de" when empty
		}{
			{"Druker", nil, "drucker-einrichten", "drucker", ""},
			{"pasword", nil, "passwort-zuruecksetzen", "password", ""},
			// As close to "passwort" as to "password": the reader's language decides.
			{"passworf", nil, "passwort-zuruecksetzen", "passwort", ""},
			{"passworf", nil, "passwort-zuruecksetzen", "password", "en"},
			// No title says "network": the category's English name does.
			{"Netwrok", nil, "drucker-einrichten", "network", "en"},
			{"VPN-Verbindnug", &f.b, "vpn-verbindung", "vpn verbindung", ""},
			{"druckerwindows", nil, "drucker-einrichten", "drucker windows", ""},
			{"Sonderkonditonen", &f.a, "sonderkonditionen", "sonderkonditionen", ""},
			{"Sonderkonditonen", &f.b, "", "", ""}, // only company A may read it
			{"Sonderkonditonen", nil, "", "", ""},
			{"xyzzyplugh", nil, "", "", ""},
			{"Drucker2000", nil, "", "", ""}, // a model is not misspelt
		}
		for _, c := range cases {
			lang := c.lang
			if lang == "" {
				lang = "de"
			}
			v := f.viewer(c.c, lang)
			if hits, err := kb.Search(ctx, f.d, v, c.q, 10); err != nil || len(hits) > 0 {
				t.Fatalf("%q: the word search found %d (%v): no case for a correction", c.q, len(hits), err)
			}
			hits, corrected, err := kb.SearchCorrected(ctx, f.d, v, c.q, 10)
			if err != nil {
				t.Fatalf("%q: %v", c.q, err)
			}
			first := ""
			if len(hits) > 0 {
				first = hits[0].Slug
			}
			if first != c.want || corrected != c.corrected {
				t.Errorf("%q: first %q, corrected %q; want %q, %q", c.q, first, corrected, c.want, c.corrected)
			}
		}
	})
}
