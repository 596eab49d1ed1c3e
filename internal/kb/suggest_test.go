package kb_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// slugs are the articles of a hit list, in its order.
func slugs(hits []kb.Summary) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Slug)
	}
	return out
}

// TestSuggestParity is TestSearchParity for the suggestions beside a new ticket's title:
// one table, every engine, the same articles in the same order. Any meaningful word is
// enough, stop words count for nothing, a word may hide inside a compound, and the
// visibility rules are Search's.
func TestSuggestParity(t *testing.T) {
	queries := []struct {
		q                 string
		visitor, contactA []string
		contactB          []string // a contact of company B: no chosen article
		bothLikeContactA  bool     // contactB sees what contactA sees
	}{
		{"Drucker druckt nicht", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}, nil, true},
		{"Netzwerk", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}, nil, true}, // inside "Netzwerkdrucker"
		{"VPN geht nicht", nil, []string{"vpn-verbindung"}, nil, true},
		{"Wartung", nil, []string{"sonderkonditionen"}, nil, false}, // inside "Wartungsvertrag", chosen for A only
		{"Rechnungen fehlen", nil, []string{"rechnungen-pdf"}, nil, true},
		{"Kann mich nicht anmelden, Passwort vergessen", []string{"passwort-zuruecksetzen"}, []string{"passwort-zuruecksetzen"}, nil, true},
		// The title match (Passwort) ranks above the text match (Netzwerkdrucker).
		{"Netzwerkdrucker und Passwort", []string{"passwort-zuruecksetzen", "drucker-einrichten"},
			[]string{"passwort-zuruecksetzen", "drucker-einrichten"}, nil, true},
		{"toner", nil, nil, nil, true},   // only in a draft
		{"fremden", nil, nil, nil, true}, // only in another tenant
		{"geht nicht", nil, nil, nil, true},
		{"the printer does not work", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}, nil, true},
		{"a", nil, nil, nil, true},
		{"", nil, nil, nil, true},
		{`"OR* NEAR( -`, nil, nil, nil, true},
		{"drucker' OR 1=1 --", []string{"drucker-einrichten"}, []string{"drucker-einrichten"}, nil, true},
		{"x:* & !y | (z) % _", nil, nil, nil, true},
		{"nichtvorhanden", nil, nil, nil, true},
	}
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		for _, c := range queries {
			b := c.contactB
			if c.bothLikeContactA {
				b = c.contactA
			}
			for _, who := range []struct {
				name string
				v    kb.Viewer
				want []string
			}{{"visitor", f.viewer(nil, "de"), c.visitor}, {"contact A", f.viewer(&f.a, "de"), c.contactA},
				{"contact B", f.viewer(&f.b, "de"), b}} {
				hits, err := kb.Suggest(ctx, f.d, who.v, c.q, 0)
				if err != nil {
					t.Fatalf("%q (%s): %v", c.q, who.name, err)
				}
				if got := slugs(hits); !slices.Equal(got, who.want) {
					t.Errorf("%q as %s: got %v, want %v", c.q, who.name, got, who.want)
				}
			}
		}
		// An English reader gets the English title when that translation matched too.
		hits, err := kb.Suggest(ctx, f.d, f.viewer(nil, "en"), "Drucker printer", 3)
		if err != nil || len(hits) != 1 || hits[0].Title != "Set up a printer on Windows 11" {
			t.Errorf("english reader: %+v %v", hits, err)
		}
	})
}

// TestSuggestDemo: the ticket titles contacts really type find the demo tenant's
// articles, best first, at most MaxSuggestions.
func TestSuggestDemo(t *testing.T) {
	queries := []struct {
		q                string
		visitor, contact []string // contact: Müller Haustechnik, which has a chosen article
	}{
		{"Drucker druckt nicht", []string{"drucker-toner-wechseln"}, []string{"drucker-toner-wechseln", "scannen-an-e-mail", "wlan-gaeste"}},
		{"Drucker", []string{"drucker-toner-wechseln"}, []string{"drucker-toner-wechseln", "scannen-an-e-mail", "wlan-gaeste"}},
		{"VPN geht nicht", nil, []string{"vpn-einrichten"}},
		{"Toner leer", []string{"drucker-toner-wechseln"}, []string{"drucker-toner-wechseln"}},
		{"Kann mich nicht anmelden", []string{"passwort-vergessen"}, []string{"zwei-faktor-anmeldung", "passwort-vergessen"}},
		{"Wartungsfenster", nil, nil}, // a draft
		{"printer not working", []string{"drucker-toner-wechseln"}, []string{"drucker-toner-wechseln", "scannen-an-e-mail", "wlan-gaeste"}},
	}
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, d, time.Now()); err != nil {
			t.Fatal(err)
		}
		ten, err := tenant.Default(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		var muller int64
		if err := d.QueryRow(ctx, `SELECT id FROM companies WHERE tenant_id = ? AND name LIKE 'M%ller Haustechnik%'`,
			ten.ID).Scan(&muller); err != nil {
			t.Fatal(err)
		}
		contact := kb.Viewer{TenantID: ten.ID, CompanyID: muller, Lang: "de", Fallback: ten.DefaultLanguage}
		for _, c := range queries {
			for _, who := range []struct {
				name string
				v    kb.Viewer
				want []string
			}{{"visitor", kb.Visitor(ten, "de"), c.visitor}, {"contact", contact, c.contact}} {
				hits, err := kb.Suggest(ctx, d, who.v, c.q, kb.MaxSuggestions)
				if err != nil {
					t.Fatalf("%q: %v", c.q, err)
				}
				if got := slugs(hits); !slices.Equal(got, who.want) {
					t.Errorf("%q as %s: got %v, want %v", c.q, who.name, got, who.want)
				}
			}
		}
	})
}
