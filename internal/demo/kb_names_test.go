package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/download"
	"pforte/internal/filestore"
	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestDemoKBAndFolderNames: every knowledge-base category and download folder of the
// demo has its own name in each portal language but German, the main name's (an
// English reader sees "Getting started", a Hebrew one "צעדים ראשונים").
func TestDemoKBAndFolderNames(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := loadDemo(t, d)
		files, err := filestore.New(filepath.Join(t.TempDir(), "files"))
		if err != nil {
			t.Fatal(err)
		}
		if err := demo.LoadDownloads(ctx, d, files, time.Now()); err != nil {
			t.Fatal(err)
		}
		check := func(kind string, id int64, main string, names map[string]string) {
			t.Helper()
			for _, l := range i18n.Languages {
				switch n, ok := names[l]; {
				case l == "de" && ok:
					t.Errorf("%s %s has a German name besides the main name: %q", kind, main, n)
				case l != "de" && (n == "" || n == main):
					t.Errorf("%s %s has no %s name of its own: %q", kind, main, l, n)
				}
			}
		}
		cats, err := kb.Categories(ctx, d, ten.ID)
		if err != nil || len(cats) != 4 {
			t.Fatalf("categories %v %v", cats, err)
		}
		kn, err := kb.LoadCategoryNames(ctx, d, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cats {
			check("category", c.ID, c.Name, kn.Of(c.ID))
			if c.Name == "Erste Schritte" && (kn.Name("en", c.ID, c.Name) != "Getting started" || kn.Name("he", c.ID, c.Name) != "צעדים ראשונים") {
				t.Errorf("Erste Schritte in English and Hebrew: %v", kn.Of(c.ID))
			}
		}
		folders, err := download.Folders(ctx, d, ten.ID)
		if err != nil || len(folders) != 5 {
			t.Fatalf("folders %v %v", folders, err)
		}
		fn, err := download.LoadFolderNames(ctx, d, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range folders {
			check("folder", f.ID, f.Name, fn.Of(f.ID))
		}
	})
}
