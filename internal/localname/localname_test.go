package localname_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/kb"
	"pforte/internal/localname"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/validate"
)

// TestCheck: a name may be empty (the main name shows) or up to the main name's limit
// in characters, not bytes; a control character is refused next to its language's
// field, a line break is joined into one line first, and a language the portal does
// not speak is dropped.
func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name, lang, in string
		want, err      string // stored form; error id
	}{
		{"empty", "en", "", "", ""},
		{"plain", "en", "  Getting started ", "Getting started", ""},
		{"at the limit", "en", strings.Repeat("x", 100), strings.Repeat("x", 100), ""},
		{"over the limit", "fr", strings.Repeat("é", 101), "", "error.too_long"},
		{"hebrew at the limit", "he", strings.Repeat("ש", 100), strings.Repeat("ש", 100), ""},
		{"thai", "th", "เริ่มต้นใช้งาน", "เริ่มต้นใช้งาน", ""},
		{"line break joined", "en", "Getting\r\nstarted", "Getting started", ""},
		{"control", "da", "Kom\x01godt", "", "error.control"},
		{"delete", "nl", "Aan\x7fde slag", "", "error.control"},
		{"c1 control", "es", "Primeros\u009bpasos", "", "error.control"},
		{"unknown language", "xx", "Whatever", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			names := localname.Tidy(map[string]string{c.lang: c.in})
			if _, ok := names["xx"]; ok {
				t.Errorf("kept a language the portal does not speak")
			}
			err := localname.Check(names, kb.MaxCategoryName)
			var ve validate.Errors
			switch {
			case c.err == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.err != "" && (!errors.As(err, &ve) || ve[localname.Field(c.lang)].ID != c.err):
				t.Errorf("error %v, want %s on %s", err, c.err, localname.Field(c.lang))
			case c.err == "" && c.lang != "xx" && names[c.lang] != c.want:
				t.Errorf("stored %q, want %q", names[c.lang], c.want)
			}
		})
	}
}

// TestSave: names are saved per language and say whether anything changed, an empty
// one is removed, they go with their category or folder, another tenant's row takes
// none (db.ErrNotFound), and each tenant loads only its own.
func TestSave(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		mine, err := tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		other, err := tenant.Create(ctx, d, "Fremd GmbH", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		cat, err := kb.CreateCategory(ctx, d, kb.Category{TenantID: mine.ID, Name: "Erste Schritte"}, now)
		if err != nil {
			t.Fatal(err)
		}
		foreign, err := kb.CreateCategory(ctx, d, kb.Category{TenantID: other.ID, Name: "Fremd"}, now)
		if err != nil {
			t.Fatal(err)
		}
		save := func(tid, id int64, names map[string]string) bool {
			t.Helper()
			changed, err := kb.SaveCategoryNames(ctx, d, tid, id, names)
			if err != nil {
				t.Fatal(err)
			}
			return changed
		}
		if !save(mine.ID, cat.ID, map[string]string{"en": "Getting started", "he": "צעדים ראשונים"}) {
			t.Errorf("first save: no change")
		}
		if save(mine.ID, cat.ID, map[string]string{"en": " Getting started", "he": "צעדים ראשונים"}) {
			t.Errorf("the same names again: a change")
		}
		if !save(mine.ID, cat.ID, map[string]string{"en": "First steps"}) {
			t.Errorf("renamed and removed: no change")
		}
		n, err := kb.LoadCategoryNames(ctx, d, mine.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := n.Of(cat.ID); len(got) != 1 || got["en"] != "First steps" {
			t.Errorf("names %v", got)
		}
		if n.Name("he", cat.ID, cat.Name) != "Erste Schritte" || n.Name("en", cat.ID, cat.Name) != "First steps" {
			t.Errorf("lookups: he %q en %q", n.Name("he", cat.ID, cat.Name), n.Name("en", cat.ID, cat.Name))
		}
		if _, err := kb.SaveCategoryNames(ctx, d, mine.ID, foreign.ID, map[string]string{"en": "Foreign"}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another tenant's category: %v", err)
		}
		if _, err := kb.SaveCategoryNames(ctx, d, mine.ID, cat.ID, map[string]string{"en": "x\x02"}); err == nil {
			t.Errorf("a control character was stored")
		}
		if on, _ := kb.LoadCategoryNames(ctx, d, other.ID); len(on.Of(foreign.ID)) != 0 || len(on.Of(cat.ID)) != 0 {
			t.Errorf("the other tenant has names")
		}

		// Folders alike, and names go with their folder.
		fo, err := download.CreateFolder(ctx, d, download.Folder{TenantID: mine.ID, Name: "Verträge"}, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := download.SaveFolderNames(ctx, d, mine.ID, fo.ID, map[string]string{"en": "Contracts", "he": "חוזים"}); err != nil {
			t.Fatal(err)
		}
		if _, err := download.SaveFolderNames(ctx, d, other.ID, fo.ID, map[string]string{"en": "Stolen"}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another tenant's folder: %v", err)
		}
		fn, _ := download.LoadFolderNames(ctx, d, mine.ID)
		if fn.Name("he", fo.ID, fo.Name) != "חוזים" {
			t.Errorf("folder names %v", fn.Of(fo.ID))
		}
		if err := download.DeleteFolder(ctx, d, mine.ID, fo.ID); err != nil {
			t.Fatal(err)
		}
		if err := kb.DeleteCategory(ctx, d, mine.ID, cat.ID); err != nil {
			t.Fatal(err)
		}
		var left int
		d.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM kb_category_names) + (SELECT COUNT(*) FROM download_folder_names)`).Scan(&left)
		if left != 0 {
			t.Errorf("%d names outlived their category or folder", left)
		}
	})
}
