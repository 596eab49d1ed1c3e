package demo_test

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/download"
	"pforte/internal/filestore"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestLoadDownloads: the demo's download area has nested folders, a real PDF, a price
// list with history and a contract only Müller Haustechnik sees; loading twice adds
// nothing.
func TestLoadDownloads(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		if _, err := demo.Load(ctx, d, now); err != nil {
			t.Fatal(err)
		}
		files, err := filestore.New(filepath.Join(t.TempDir(), "files"))
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := demo.LoadDownloads(ctx, d, files, now); err != nil {
				t.Fatal(err)
			}
		}
		ten, _ := tenant.Default(ctx, d)
		folders, _ := download.Folders(ctx, d, ten.ID)
		if len(folders) != 5 || download.Tree(folders)[1].Depth != 1 {
			t.Fatalf("folders %+v", folders)
		}
		principalOf := func(number string) principal.Contact {
			var p principal.Contact
			d.QueryRow(ctx, `SELECT m.tenant_id, m.contact_id, m.company_id, m.role FROM memberships m
				JOIN companies c ON c.id = m.company_id WHERE c.customer_number = ? AND m.access = 'active' ORDER BY m.id LIMIT 1`,
				number).Scan(&p.TenantID, &p.ContactID, &p.CompanyID, &p.Role)
			p.SessionID = 1
			return p
		}
		mueller, baecker := principalOf("K-10001"), principalOf("K-10002")
		search := func(p principal.Contact, term string) []download.File {
			list, _, err := download.ListForContact(ctx, d, p, download.ListParams{Search: term, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			return list
		}
		if len(search(mueller, "wartungsvertrag")) != 1 || len(search(baecker, "wartungsvertrag")) != 0 {
			t.Errorf("the contract is not for Müller only")
		}
		prices := search(baecker, "preisliste")
		if len(prices) != 1 || prices[0].Current.Number != 2 || !strings.HasPrefix(prices[0].Current.Type, "text/plain") {
			t.Fatalf("price list %+v", prices)
		}
		terms := search(baecker, "servicebedingungen")
		if len(terms) != 1 || terms[0].Current.Type != "application/pdf" {
			t.Fatalf("terms %+v", terms)
		}
		f, err := files.Open(terms[0].Current.Key)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		if !strings.HasPrefix(string(b), "%PDF-1.4") || !strings.HasSuffix(string(b), "%%EOF\n") || !strings.Contains(string(b), "startxref") {
			t.Errorf("not a PDF: %.100q", b)
		}
	})
}
