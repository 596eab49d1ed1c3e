package download_test

import (
	"slices"
	"testing"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/testutil"
)

// TestSearchUmlauts: umlauts and their written-out spelling (ä = ae, ß = ss) find each
// other in titles, file names and folder names, both ways, for contacts and staff;
// files stored before the folded spellings are found after RefreshSearch.
func TestSearchUmlauts(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		heating, err := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, Name: "Heizkörper"}, f.now)
		if err != nil {
			t.Fatal(err)
		}
		put := func(title, name string, folder int64) download.File {
			t.Helper()
			var out download.File
			if err := d.InTx(f.ctx, func(tx *db.Tx) error {
				out, err = download.Create(f.ctx, tx, download.File{TenantID: f.ta, Title: title, FolderID: folder,
					Visibility: download.VisibleAll}, nil, version(name), f.now)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return out
		}
		pump := put("Wärmepumpe Handbuch", "handbuch.pdf", 0)
		put("Waermetauscher", "tauscher.pdf", 0)
		put("Montageplan", "plan.pdf", heating.ID)
		put("Gästeliste", "Straße.csv", 0)
		search := func(term string) []string {
			t.Helper()
			list, _, err := download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Search: term, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			got := titles(list)
			slices.Sort(got)
			return got
		}
		for _, c := range []struct {
			term string
			want []string
		}{
			{"waerme", []string{"Waermetauscher", "Wärmepumpe Handbuch"}},
			{"Wärme", []string{"Waermetauscher", "Wärmepumpe Handbuch"}},
			{"wärmetauscher", []string{"Waermetauscher"}},
			{"heizkoerper", []string{"Montageplan"}}, // the folder's name
			{"gaeste", []string{"Gästeliste"}},
			{"strasse.csv", []string{"Gästeliste"}},
			{"warme", nil}, // other accents are not dropped
		} {
			if got := search(c.term); !slices.Equal(got, c.want) {
				t.Errorf("A1 searches %q: %v, want %v", c.term, got, c.want)
			}
		}
		if list, _, _ := download.List(f.ctx, d, f.ta, download.ListParams{Search: "waermepumpe", Limit: 10}); !slices.Equal(titles(list), []string{"Wärmepumpe Handbuch"}) {
			t.Errorf("staff searches waermepumpe: %v", titles(list))
		}
		// A file stored before: only the lower-cased text.
		if n, err := download.RefreshSearch(f.ctx, d); err != nil || n != 0 {
			t.Fatalf("fresh files refreshed: %d, %v", n, err)
		}
		if _, err := d.Exec(f.ctx, `UPDATE download_files SET search = 'wärmepumpe handbuch handbuch.pdf' WHERE id = ?`, pump.ID); err != nil {
			t.Fatal(err)
		}
		if got := search("waermepumpe"); got != nil {
			t.Fatalf("outdated text found: %v", got)
		}
		// This version was done at the first run: a start reads and writes nothing.
		if n, err := download.RefreshSearch(f.ctx, d); err != nil || n != 0 {
			t.Fatalf("done version refreshed again: %d, %v", n, err)
		}
		// A database from before the release has not done it.
		if _, err := d.Exec(f.ctx, `DELETE FROM search_refreshed`); err != nil {
			t.Fatal(err)
		}
		if n, err := download.RefreshSearch(f.ctx, d); err != nil || n != 1 {
			t.Fatalf("refreshed %d, %v; want 1", n, err)
		}
		if got := search("waermepumpe"); !slices.Equal(got, []string{"Wärmepumpe Handbuch"}) {
			t.Errorf("after refresh: %v", got)
		}
	})
}
