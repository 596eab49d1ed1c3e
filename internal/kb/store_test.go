package kb_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
	"pforte/internal/validate"
)

// TestVisibility: who reads what. Visitors see public articles, contacts also those for
// all customers and those chosen for their company; drafts and other tenants' articles
// nobody. Lists, categories, reading by id or slug and images follow the same rule.
func TestVisibility(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		im, err := kb.AddImage(ctx, f.d, f.t.ID, f.restricted, 0, kb.Image{Key: strings.Repeat("a", 32), Type: "image/png", Size: 3, Name: "x.png"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			co   *company.Company
			want []string
		}{
			{"visitor", nil, []string{"drucker-einrichten", "passwort-zuruecksetzen"}},
			{"contact A", &f.a, []string{"drucker-einrichten", "passwort-zuruecksetzen", "rechnungen-pdf", "sonderkonditionen", "vpn-verbindung"}},
			{"contact B", &f.b, []string{"drucker-einrichten", "passwort-zuruecksetzen", "rechnungen-pdf", "vpn-verbindung"}},
		}
		for _, c := range cases {
			v := f.viewer(c.co, "de")
			list, more, err := kb.Articles(ctx, f.d, v, 0, kb.ByTitle, 0, 50)
			if err != nil || more {
				t.Fatal(err, more)
			}
			var got []string
			for _, s := range list {
				got = append(got, s.Slug)
			}
			if strings.Join(sorted(got), ",") != strings.Join(c.want, ",") {
				t.Errorf("%s lists %v, want %v", c.name, got, c.want)
			}
			for slug, id := range f.ids {
				_, err := kb.Read(ctx, f.d, v, slug, "")
				_, errID := kb.Read(ctx, f.d, v, strconv.FormatInt(id, 10), "")
				visible := contains(c.want, slug)
				if (err == nil) != visible || (errID == nil) != visible {
					t.Errorf("%s reads %s: %v / %v, want visible=%v", c.name, slug, err, errID, visible)
				}
				if !visible && !errors.Is(err, db.ErrNotFound) {
					t.Errorf("%s reads %s: %v, want ErrNotFound", c.name, slug, err)
				}
			}
			if _, err := kb.Read(ctx, f.d, v, strconv.FormatInt(f.otherID, 10), ""); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("%s reads the other tenant's article: %v", c.name, err)
			}
			if _, err := kb.Read(ctx, f.d, v, "drucker-fremd", ""); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("%s reads the other tenant's slug: %v", c.name, err)
			}
			_, err = kb.VisibleImage(ctx, f.d, v, im.ID)
			if (err == nil) != (c.co == &f.a) {
				t.Errorf("%s image of the restricted article: %v", c.name, err)
			}
			cats, err := kb.VisibleCategories(ctx, f.d, v)
			if err != nil || len(cats) != 1 || cats[0].Articles != len(c.want) {
				t.Errorf("%s categories: %+v %v", c.name, cats, err)
			}
		}
	})
}

// TestLanguages: a reader gets their language, else English, else the tenant's
// default, else any; asking for another language of the article shows that one. Lists
// pick the same translation as the article's page.
func TestLanguages(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		for _, c := range []struct{ reader, ask, slug, want string }{
			{"en", "", "drucker-einrichten", "en"},
			{"de", "", "drucker-einrichten", "de"},
			{"fr", "", "drucker-einrichten", "en"}, // English before the tenant default
			{"he", "", "drucker-einrichten", "en"},
			{"fr", "", "vpn-verbindung", "de"}, // no English: the tenant default
			{"fr", "", "rechnungen-pdf", "en"}, // the only one
			{"de", "en", "drucker-einrichten", "en"},
			{"de", "th", "drucker-einrichten", "de"}, // not written in Thai
		} {
			p, err := kb.Read(ctx, f.d, f.viewer(&f.a, c.reader), c.slug, c.ask)
			if err != nil || p.Language != c.want {
				t.Errorf("%+v: got %q, %v", c, p.Language, err)
			}
		}
		for _, lang := range []string{"en", "fr"} {
			list, _, _ := kb.Articles(ctx, f.d, f.viewer(nil, lang), 0, kb.ByLatest, 0, 10)
			for _, s := range list {
				if s.Slug == "passwort-zuruecksetzen" && s.Title != "Reset your password" {
					t.Errorf("%s list title: %q", lang, s.Title)
				}
			}
		}
	})
}

// TestArticleInput: bad input comes back as field errors; the last translation stays;
// deleting an article removes it from the search.
func TestArticleInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx, now := context.Background(), time.Now()
		ok := kb.Meta{Status: kb.StatusDraft, Visibility: kb.VisibilityPublic}
		tr := kb.Translation{Language: "de", Title: "Titel", Body: "Text"}
		with := func(fn func(m *kb.Meta, t *kb.Translation)) (kb.Meta, kb.Translation) {
			m, t := ok, tr
			fn(&m, &t)
			return m, t
		}
		for _, c := range []struct {
			name, field string
			fn          func(m *kb.Meta, t *kb.Translation)
		}{
			{"empty title", "title", func(m *kb.Meta, t *kb.Translation) { t.Title = "  " }},
			{"long title", "title", func(m *kb.Meta, t *kb.Translation) { t.Title = strings.Repeat("ü", kb.MaxTitle+1) }},
			{"long body", "body", func(m *kb.Meta, t *kb.Translation) { t.Body = strings.Repeat("x", kb.MaxBody+1) }},
			{"bad language", "language", func(m *kb.Meta, t *kb.Translation) { t.Language = "xx" }},
			{"bad slug", "slug", func(m *kb.Meta, t *kb.Translation) { m.Slug = "Hallo Welt" }},
			{"digit slug", "slug", func(m *kb.Meta, t *kb.Translation) { m.Slug = "123" }},
			{"taken slug", "slug", func(m *kb.Meta, t *kb.Translation) { m.Slug = "drucker-einrichten" }},
			{"bad status", "status", func(m *kb.Meta, t *kb.Translation) { m.Status = "archived" }},
			{"bad visibility", "visibility", func(m *kb.Meta, t *kb.Translation) { m.Visibility = "all" }},
			{"foreign category", "category_id", func(m *kb.Meta, t *kb.Translation) { m.CategoryID = 999999 }},
		} {
			m, tr := with(c.fn)
			_, err := kb.Create(ctx, f.d, f.t.ID, 0, m, tr, now)
			var ve validate.Errors
			if !errors.As(err, &ve) || ve[c.field].ID == "" {
				t.Errorf("%s: %v, want an error on %s", c.name, err, c.field)
			}
		}
		id, err := kb.Create(ctx, f.d, f.t.ID, 0, ok, kb.Translation{Language: "de", Title: "Übersicht: Straße & Co.", Body: "Einzigartigeswort"}, now)
		if err != nil {
			t.Fatal(err)
		}
		a, err := kb.Get(ctx, f.d, f.t.ID, id)
		if err != nil || a.Slug != "uebersicht-strasse-co" {
			t.Fatalf("slug from title: %q %v", a.Slug, err)
		}
		if _, err := kb.Get(ctx, f.d, f.other.ID, id); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("other tenant gets the article: %v", err)
		}
		if err := kb.DeleteTranslation(ctx, f.d, f.t.ID, id, "de"); !errors.Is(err, kb.ErrLastTranslation) {
			t.Errorf("last translation deleted: %v", err)
		}
		if err := kb.Update(ctx, f.d, f.other.ID, id, ok, now); !errors.Is(err, db.ErrNotFound) && err != nil {
			var ve validate.Errors
			if !errors.As(err, &ve) {
				t.Errorf("update from another tenant: %v", err)
			}
		}
		staff := kb.Viewer{TenantID: f.t.ID, Lang: "de", Fallback: "de"}
		rows, _, err := kb.List(ctx, f.d, f.t.ID, kb.Filter{Search: "einzigartig", Lang: "de", Fallback: "de"})
		if err != nil || len(rows) != 1 || rows[0].ID != id {
			t.Fatalf("back office search: %v %v", rows, err)
		}
		pub := ok
		pub.Slug, pub.Status = a.Slug, kb.StatusPublished
		if err := kb.Update(ctx, f.d, f.t.ID, id, pub, now); err != nil {
			t.Fatal(err)
		}
		if hits, _ := kb.Search(ctx, f.d, staff, "einzigartig", 5); len(hits) != 1 {
			t.Errorf("published article not found: %v", hits)
		}
		if _, err := kb.Delete(ctx, f.d, f.t.ID, id); err != nil {
			t.Fatal(err)
		}
		if hits, _ := kb.Search(ctx, f.d, staff, "einzigartig", 5); len(hits) != 0 {
			t.Errorf("deleted article still found: %v", hits)
		}
		if rows, _, _ := kb.List(ctx, f.d, f.t.ID, kb.Filter{Search: "einzigartig"}); len(rows) != 0 {
			t.Errorf("deleted article still listed: %v", rows)
		}
	})
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
