package download_test

import (
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/testutil"
)

// TestSearchNamesAndFolders: a search finds files by file name and extension (also of
// a newer version), by the name of their folder or of a folder above it, and never a
// file another company may not see — even one lying in a matching folder or carrying
// the term in its name. The back office's list (all files of the tenant) searches the
// same way, and another tenant's files stay out of both.
func TestSearchNamesAndFolders(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		mk := func(parent int64, name string) int64 {
			fo, err := download.CreateFolder(f.ctx, d, download.Folder{TenantID: f.ta, ParentID: parent, Name: name}, f.now)
			if err != nil {
				t.Fatal(err)
			}
			return fo.ID
		}
		drivers := mk(0, "Treiber & Firmware")
		windows := mk(drivers, "Windows")
		lists := mk(0, "Preislisten")
		put := func(tenantID int64, title, name string, folder int64, companies []int64, at time.Time) download.File {
			t.Helper()
			vis := download.VisibleAll
			if companies != nil {
				vis = download.VisibleCompanies
			}
			var out download.File
			if err := d.InTx(f.ctx, func(tx *db.Tx) error {
				var err error
				out, err = download.Create(f.ctx, tx, download.File{TenantID: tenantID, Title: title, FolderID: folder,
					Visibility: vis}, companies, version(name), at)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return out
		}
		put(f.ta, "Druckertreiber", "setup-x64.EXE", windows, nil, f.now)
		put(f.ta, "Firmware 2.1", "fw-2.1.bin", drivers, []int64{f.a1}, f.now.Add(time.Minute))
		put(f.ta, "Secret driver", "a2-only.exe", windows, []int64{f.a2}, f.now)
		put(f.ta, "Preise 2026", "preise-2026.csv", lists, nil, f.now)
		put(f.ta, "A2 export", "kunden-a2.csv", 0, []int64{f.a2}, f.now)
		put(f.tb, "B treiber", "b.csv", 0, nil, f.now)
		renamed := put(f.ta, "Handbuch", "handbuch-v1.pdf", 0, nil, f.now)
		if _, err := download.AddVersion(f.ctx, d, f.ta, renamed.ID, version("Handbuch-Übersicht-V2.PDF"), f.now); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			term string
			want []string
		}{
			{"treiber", []string{"Druckertreiber", "Firmware 2.1"}}, // title, and files under the folder
			{"WINDOWS", []string{"Druckertreiber"}},                 // subfolder only; A2's file there stays out
			{"csv", []string{"Preise 2026"}},                        // extension; A2's and tenant B's CSVs stay out
			{".exe", []string{"Druckertreiber"}},
			{"a2-only", nil},
			{"kunden", nil},
			{"übersicht-v2", []string{"Handbuch"}}, // the current version's name, Unicode folded
			{"handbuch-v1", nil},                   // an old version's name is gone
			{"preisl", []string{"Preise 2026"}},
			{"&", []string{"Druckertreiber", "Firmware 2.1"}},
			{"%", nil},
		} {
			list, _, err := download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Search: c.term, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			got := titles(list)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("A1 searches %q: %v, want %v", c.term, got, c.want)
			}
		}
		list, _, _ := download.ListForContact(f.ctx, d, f.pa2, download.ListParams{Search: "csv", Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"A2 export", "Preise 2026"}) && !slices.Equal(got, []string{"Preise 2026", "A2 export"}) {
			t.Errorf("A2 searches csv: %v", got)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pb1, download.ListParams{Search: "treiber", Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"B treiber"}) {
			t.Errorf("B1 searches treiber: %v", got)
		}
		list, _, _ = download.List(f.ctx, d, f.ta, download.ListParams{Search: "windows", Limit: 10})
		got := titles(list)
		slices.Sort(got)
		if !slices.Equal(got, []string{"Druckertreiber", "Secret driver"}) {
			t.Errorf("staff search windows: %v", got)
		}
		// Editing the title keeps the file name searchable.
		fl, _ := download.Get(f.ctx, d, f.ta, renamed.ID)
		fl.Title = "Bedienungsanleitung"
		if err := download.Update(f.ctx, d, fl, nil, f.now); err != nil {
			t.Fatal(err)
		}
		list, _, _ = download.ListForContact(f.ctx, d, f.pa1, download.ListParams{Search: "v2.pdf", Limit: 10})
		if got := titles(list); !slices.Equal(got, []string{"Bedienungsanleitung"}) {
			t.Errorf("after edit: %v", got)
		}
	})
}
