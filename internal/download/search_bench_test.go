package download_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// BenchmarkSearch10k searches a download area of 10,000 files in 200 folders (every
// tenth file for chosen companies only) as a contact would, on each engine:
//
//	go test ./internal/download -run xxx -bench Search10k -benchtime 200x
//	PFORTE_TEST_POSTGRES=… go test ./internal/download -run xxx -bench Search10k -benchtime 200x
func BenchmarkSearch10k(b *testing.B) {
	for _, e := range testutil.Engines(b) {
		b.Run(string(e), func(b *testing.B) {
			d := testutil.Open(b, e)
			ctx, now := context.Background(), time.Unix(1_800_000_000, 0)
			ten, _ := tenant.Create(ctx, d, "T", "de", nil, now)
			co, _ := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "C"}, now)
			other, _ := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "O"}, now)
			p := principal.Contact{TenantID: ten.ID, ContactID: 1, CompanyID: co.ID, Role: "user", SessionID: 1}
			exts := []string{"pdf", "zip", "csv", "docx", "exe"}
			if err := d.InTx(ctx, func(tx *db.Tx) error {
				var folders []int64
				for i := range 200 {
					var parent int64
					if i >= 20 {
						parent = folders[i%20]
					}
					fo, err := download.CreateFolder(ctx, tx, download.Folder{TenantID: ten.ID, ParentID: parent,
						Name: fmt.Sprintf("Ordner %d", i)}, now)
					if err != nil {
						return err
					}
					folders = append(folders, fo.ID)
				}
				for i := range 10_000 {
					f := download.File{TenantID: ten.ID, Title: fmt.Sprintf("Dokument %d", i), FolderID: folders[i%200],
						Description: "Beschreibung der Datei mit etwas Text", Visibility: download.VisibleAll}
					var cs []int64
					if i%10 == 0 {
						f.Visibility, cs = download.VisibleCompanies, []int64{other.ID}
					}
					if _, err := download.Create(ctx, tx, f, cs, version(fmt.Sprintf("datei-%d.%s", i, exts[i%5])),
						now.Add(time.Duration(i)*time.Second)); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			if e == db.SQLite {
				d.Exec(ctx, `ANALYZE`)
			} else {
				d.Exec(ctx, `ANALYZE download_files`)
			}
			for _, term := range []string{"dokument", "csv", "ordner 7", "dokument 9999", "nichts"} {
				b.Run(term, func(b *testing.B) {
					for b.Loop() {
						if _, _, err := download.ListForContact(ctx, d, p, download.ListParams{Search: term, Limit: 25}); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
