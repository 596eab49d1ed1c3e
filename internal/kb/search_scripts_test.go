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

// scriptCorpus: Thai (no spaces between words, vowel and tone marks), Hebrew with
// vowel points, and German with and without umlauts.
var scriptCorpus = []seedArticle{
	{"waermepumpe-th", kb.StatusPublished, kb.VisibilityPublic, map[string][2]string{
		"de": {"ปั๊มความร้อน", "ขั้นตอน: หมุนวาล์วอย่างช้าๆ ตรวจสอบแรงดันน้ำ"},
	}},
	{"kompressor-th", kb.StatusPublished, kb.VisibilityCustomers, map[string][2]string{
		"de": {"คอมเพรสเซอร์", "เปลี่ยนคอมเพรสเซอร์ทุกปี"},
	}},
	{"ventil-entwurf-th", kb.StatusDraft, kb.VisibilityPublic, map[string][2]string{
		"de": {"ร่าง", "วาล์วใหม่"},
	}},
	{"shalom-he", kb.StatusPublished, kb.VisibilityPublic, map[string][2]string{
		"de": {"שָׁלוֹם עוֹלָם", "שָׁלוֹם! מַדְרִיךְ הַתְקָנָה לְמַשְׁאֵבָה"},
	}},
	{"waermepumpe", kb.StatusPublished, kb.VisibilityPublic, map[string][2]string{
		"de": {"Wärmepumpe für Gäste", "Der Heizkörper wird warm. Herr Müller hilft an der Straße."},
	}},
	{"waermetauscher", kb.StatusPublished, kb.VisibilityPublic, map[string][2]string{
		"de": {"Waermetauscher reinigen", "Ohne Umlaute geschrieben: Oelfilter und Fuesse."},
	}},
}

func seedScripts(t *testing.T, f *fixture) {
	t.Helper()
	ctx := context.Background()
	for _, s := range scriptCorpus {
		tx := s.texts["de"]
		id, err := kb.Create(ctx, f.d, f.t.ID, 0, kb.Meta{Slug: s.slug, Status: s.status, Visibility: s.visibility},
			kb.Translation{Language: "de", Title: tx[0], Body: tx[1]}, f.now())
		if err != nil {
			t.Fatal(err)
		}
		f.ids[s.slug] = id
	}
}

// TestSearchScriptsParity: Thai words are found inside the runs they stand in, marks
// and all; pointed Hebrew is found with or without its points; umlauts and their
// written-out spelling find each other. The same articles on both engines.
func TestSearchScriptsParity(t *testing.T) {
	th, he := []string{"waermepumpe-th"}, []string{"shalom-he"}
	heat, ascii := []string{"waermepumpe"}, []string{"waermetauscher"}
	both := []string{"waermepumpe", "waermetauscher"}
	queries := []struct {
		q                string
		visitor, contact []string
	}{
		{"วาล์ว", th, th},
		{"ปั๊ม", th, th},
		{"แรงดัน", th, th},
		{"ความร้อน", th, th},
		{"น้ำ", th, th},
		{"ช้าๆ", th, th},
		{"ปั๊ม ตรวจสอบ", th, th},
		{"ปั๊ม windows", nil, nil},
		{"เพรส", nil, []string{"kompressor-th"}}, // customers only
		{"ใหม่", nil, nil},                       // only in a draft
		{"שלום", he, he},
		{"שָׁלוֹם", he, he},
		{"עולם", he, he},
		{"משאבה", he, he},
		{"waerme", both, both},
		{"wärme", both, both},
		{"WAERMEPUMPE", heat, heat},
		{"gaeste", heat, heat},
		{"Gäste", heat, heat},
		{"heizkoerper", heat, heat},
		{"heizkörper", heat, heat},
		{"mueller", heat, heat},
		{"strasse", []string{"passwort-zuruecksetzen", "waermepumpe"}, []string{"passwort-zuruecksetzen", "waermepumpe"}},
		{"wärmetauscher", ascii, ascii},
		{"ölfilter füße", ascii, ascii},
		{"koerper", heat, heat}, // inside "Heizkörper"
		{"gerate", nil, nil},
	}
	// Queries matching in the text (not only the title): the snippet marks the match,
	// also where the engine's own snippet cannot (folded spellings, inside runs).
	marked := []string{"วาล์ว", "แรงดัน", "น้ำ", "ช้าๆ", "שלום", "שָׁלוֹם", "משאבה", "heizkoerper", "heizkörper",
		"mueller", "ölfilter füße", "koerper"}
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		seedScripts(t, f)
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
					if slices.Contains(marked, c.q) && !strings.Contains(string(h.Snippet), "<mark>") {
						t.Errorf("%q as %s: nothing marked in %q", c.q, who.name, h.Snippet)
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, who.want) {
					t.Errorf("%q as %s: got %v, want %v", c.q, who.name, got, who.want)
				}
			}
		}
	})
}

// TestStaffSearchScripts: the back office's list finds Thai words inside runs (drafts
// too) and folded spellings, on both engines.
func TestStaffSearchScripts(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		seedScripts(t, f)
		for q, want := range map[string][]string{
			"วาล์ว":       {"ventil-entwurf-th", "waermepumpe-th"},
			"แรงดัน":      {"waermepumpe-th"},
			"שלום":        {"shalom-he"},
			"heizkoerper": {"waermepumpe"},
			"waerme":      {"waermepumpe", "waermetauscher"},
			"fremd":       nil,
		} {
			rows, _, err := kb.List(context.Background(), f.d, f.t.ID, kb.Filter{Search: q, Lang: "de", Fallback: "de"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.Slug)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q: got %v, want %v", q, got, want)
			}
		}
	})
}

// TestRefreshSearch: texts stored with older search words (split at Thai marks, no
// folded spellings) are found again after the refresh at start, which rewrites only
// outdated rows.
func TestRefreshSearch(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		seedScripts(t, f)
		ctx := context.Background()
		if n, err := kb.RefreshSearch(ctx, f.d); err != nil || n != 0 {
			t.Fatalf("fresh texts refreshed: %d, %v", n, err)
		}
		if _, err := f.d.Exec(ctx, `UPDATE kb_translations SET search_title = 'p mความร อน', search_body = 'wärmepumpe'
			WHERE article_id IN (?, ?)`, f.ids["waermepumpe-th"], f.ids["waermepumpe"]); err != nil {
			t.Fatal(err)
		}
		if hits, _ := kb.Search(ctx, f.d, f.viewer(nil, "de"), "heizkoerper", 10); len(hits) != 0 {
			t.Fatalf("outdated words found: %v", hits)
		}
		// This version was done at the first run: a start reads and writes nothing.
		if n, err := kb.RefreshSearch(ctx, f.d); err != nil || n != 0 {
			t.Fatalf("done version refreshed again: %d, %v", n, err)
		}
		// A database from before the release has not done it.
		if _, err := f.d.Exec(ctx, `DELETE FROM search_refreshed`); err != nil {
			t.Fatal(err)
		}
		if n, err := kb.RefreshSearch(ctx, f.d); err != nil || n != 2 {
			t.Fatalf("refreshed %d, %v; want 2", n, err)
		}
		for _, q := range []string{"heizkoerper", "วาล์ว"} {
			if hits, _ := kb.Search(ctx, f.d, f.viewer(nil, "de"), q, 10); len(hits) != 1 {
				t.Errorf("%q after refresh: %v", q, hits)
			}
		}
	})
}
