package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadKeptNoCustomer: a file uploaded for chosen customers without choosing
// one is refused next to the customer field and kept on the returned form; sent again
// with a customer it is published, without choosing the file again.
func TestDownloadKeptNoCustomer(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		staff := env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		fields := url.Values{"visibility": {"companies"}, "folder_id": {"0"}, "title": {"Preisliste"}, "notify": {"1"}}
		r := staff.PostMultipartValues("/admin/downloads/files", fields,
			apptest.File{Field: "file", Name: "preise.csv", Data: []byte("artikel;preis\n")})
		kept := keptOnPage(t, r.Body)
		if r.Status != 422 || !strings.Contains(r.Body, "mindestens eine Firma") || len(kept) != 1 {
			t.Fatalf("no customer: %d, kept %+v", r.Status, kept)
		}
		fields.Set("kept", kept[0].id)
		fields.Set(keptTitlePrefix+kept[0].id, "Preisliste")
		fields.Set("company_id", itoa64(co.ID))
		if r := staff.PostMultipartValues("/admin/downloads/files", fields); r.Status != 303 {
			t.Fatalf("sent again with a customer: %d", r.Status)
		}
	})
}

const keptTitlePrefix = "title_"

// TestDownloadVersionDelete: a wrong version can be deleted (audited, its stored
// content removed); when it was the current one, the newest remaining one becomes
// current; the only version left cannot be deleted.
func TestDownloadVersionDelete(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		staff := env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		f := seedDownload(t, env, ten.ID, "Handbuch", 0, nil, []byte("Version eins\n"))
		page := "/admin/downloads/files/" + itoa64(f.ID)
		if strings.Contains(staff.Get(page).Body, "/admin/downloads/versions/"+itoa64(f.Current.ID)+"/delete") {
			t.Errorf("the only version offers a delete button")
		}
		r := staff.PostMultipartValues(page+"/versions", url.Values{}, apptest.File{Field: "file", Name: "falsch.txt", Data: []byte("Falsche Datei\n")})
		if r.Status != 303 {
			t.Fatalf("second version: %d", r.Status)
		}
		var wrongID int64
		var wrongKey string
		if err := env.DB.QueryRow(context.Background(), `SELECT id, storage_key FROM download_versions WHERE file_id = ? AND number = 2`, f.ID).Scan(&wrongID, &wrongKey); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(staff.Get(page).Body, "/admin/downloads/versions/"+itoa64(wrongID)+"/delete") {
			t.Fatalf("no delete button for a version")
		}
		if r := staff.Post("/admin/downloads/versions/"+itoa64(wrongID)+"/delete", nil); r.Status != 303 {
			t.Fatalf("delete version: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_versions WHERE file_id = ?`, f.ID); n != 1 {
			t.Fatalf("%d versions left, want 1", n)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files WHERE id = ? AND current_version_id = ?`, f.ID, f.Current.ID); n != 1 {
			t.Errorf("the first version is not current again")
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'download_version_deleted' AND target LIKE '%version 2%'`); n != 1 {
			t.Errorf("version deletion not audited: %d", n)
		}
		if _, err := env.App.Env.Files.Open(wrongKey); err == nil {
			t.Errorf("the deleted version's content is still stored")
		}
		// The last one stays.
		r = staff.Post("/admin/downloads/versions/"+itoa64(f.Current.ID)+"/delete", nil)
		if r.Status != 303 || countOf(t, env, `SELECT COUNT(*) FROM download_versions WHERE file_id = ?`, f.ID) != 1 {
			t.Errorf("the last version was deleted: %d", r.Status)
		}
		if !strings.Contains(staff.Get(page).Body, "einzige Version") {
			t.Errorf("refusing the last version says nothing")
		}
	})
}
