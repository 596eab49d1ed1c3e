package server_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadBadInput: every refused upload, edit, new version, folder and setting
// answers 422 with the message next to its field and keeps what was typed; nothing of a
// refused upload stays in the database or the file store. Agents upload but cannot
// change the limit.
func TestDownloadBadInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Company(ten, "Kunde AG")
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		admin, agent := env.Client("a.test"), env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		agent.AdminLogin("agent@service.test", "agent-password")

		if r := agent.Get("/admin/downloads/settings"); r.Status != 404 {
			t.Errorf("agent sees the settings: %d", r.Status)
		}
		if r := agent.Post("/admin/downloads/settings", url.Values{"max_upload_mb": {"1"}}); r.Status != 404 {
			t.Errorf("agent changes the settings: %d", r.Status)
		}
		for _, bad := range []string{"0", "abc", "99999", ""} {
			if r := admin.Post("/admin/downloads/settings", url.Values{"max_upload_mb": {bad}}); r.Status != 422 || !strings.Contains(r.Body, "ganze Zahl von 1 bis 4.096") {
				t.Errorf("limit %q: %d", bad, r.Status)
			}
		}
		if r := admin.Post("/admin/downloads/settings", url.Values{"max_upload_mb": {"1"}}); r.Status != 303 {
			t.Fatalf("limit 1 MB: %d", r.Status)
		}
		folder := seedFolder(t, env, ten.ID, 0, "Ordner")
		foreignFolder := seedFolder(t, env, env.Tenant("Fremd", "b.test").ID, 0, "Fremder Ordner")

		typed := map[string]string{"title": "Preisliste Frühjahr", "description": "Gültig ab März", "visibility": "all",
			"folder_id": strconv.FormatInt(folder.ID, 10)}
		with := func(k, v string) map[string]string {
			m := map[string]string{}
			for a, b := range typed {
				m[a] = b
			}
			m[k] = v
			return m
		}
		ok := apptest.File{Field: "file", Name: "preise.csv", Data: []byte("a;b\n")}
		cases := []struct {
			name   string
			fields map[string]string
			files  []apptest.File
			msg    string
		}{
			{"no file", typed, nil, "Bitte wählen Sie eine Datei."},
			{"empty file input", typed, []apptest.File{{Field: "file"}}, "Bitte wählen Sie eine Datei."},
			{"empty file", typed, []apptest.File{{Field: "file", Name: "leer.csv"}}, "Die Datei leer.csv ist leer."},
			{"too large", typed, []apptest.File{{Field: "file", Name: "gross.bin", Data: make([]byte, 1<<20+1)}}, "Die Datei gross.bin ist größer als 1\u00a0MB."},
			{"one of two too large", typed, []apptest.File{ok, {Field: "file", Name: "gross.bin", Data: make([]byte, 1<<20+1)}}, "größer als 1\u00a0MB"},
			{"title too long", with("title", strings.Repeat("x", 201)), []apptest.File{ok}, "höchstens 200 Zeichen"},
			{"no company chosen", with("visibility", "companies"), []apptest.File{ok}, "mindestens eine Firma"},
			{"unknown visibility", with("visibility", "public"), []apptest.File{ok}, "Formular konnte nicht gelesen"},
			{"foreign folder", with("folder_id", strconv.FormatInt(foreignFolder.ID, 10)), []apptest.File{ok}, "Diesen Ordner gibt es nicht."},
		}
		for _, c := range cases {
			r := admin.PostMultipart("/admin/downloads/files", c.fields, c.files...)
			if r.Status != 422 || !strings.Contains(r.Body, c.msg) {
				t.Errorf("%s: %d, want 422 with %q", c.name, r.Status, c.msg)
				continue
			}
			if c.fields["title"] == typed["title"] && (!strings.Contains(r.Body, "Preisliste Frühjahr") || !strings.Contains(r.Body, "Gültig ab März")) {
				t.Errorf("%s: typed text lost", c.name)
			}
		}
		if r := admin.Post("/admin/downloads/files", url.Values{"title": {"kein multipart"}}); r.Status != 422 {
			t.Errorf("form without multipart: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files`); n != 0 {
			t.Errorf("%d files stored from refused uploads", n)
		}
		// A refused form keeps its files to be sent again (download_kept_test.go); a new
		// refusal leaves those of the forms before, which may be open in other tabs
		// (download_kept_tabs_test.go): each of the five refused with a sound file keeps it.
		const refusedKept = 5
		if n, k := storedFiles(t, env), countOf(t, env, `SELECT COUNT(*) FROM download_kept_files`); n != refusedKept || k != refusedKept {
			t.Errorf("%d contents in the file store and %d kept from refused uploads, want %d and %d", n, k, refusedKept, refusedKept)
		}

		// Edit and new version of a stored file.
		f := seedDownload(t, env, ten.ID, "Handbuch", 0, nil, []byte("Inhalt"))
		fid := strconv.FormatInt(f.ID, 10)
		r := admin.Post("/admin/downloads/files/"+fid, url.Values{"title": {"  "}, "description": {"Neue Beschreibung"}, "visibility": {"all"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte füllen Sie dieses Feld aus.") || !strings.Contains(r.Body, "Neue Beschreibung") {
			t.Errorf("empty title: %d", r.Status)
		}
		r = admin.Post("/admin/downloads/files/"+fid, url.Values{"title": {"Handbuch"}, "visibility": {"companies"},
			"company_id": {"abc", "999999"}})
		if r.Status != 422 || !strings.Contains(r.Body, "mindestens eine Firma") {
			t.Errorf("unknown companies: %d", r.Status)
		}
		for name, files := range map[string][]apptest.File{
			"no file":     nil,
			"empty":       {{Field: "file", Name: "leer.txt"}},
			"too large":   {{Field: "file", Name: "gross.txt", Data: make([]byte, 1<<20+1)}},
			"two at once": {ok, ok},
		} {
			r := admin.PostMultipart("/admin/downloads/files/"+fid+"/versions", nil, files...)
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-file"`) {
				t.Errorf("new version, %s: %d", name, r.Status)
			}
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_versions WHERE file_id = ?`, f.ID); n != 1 {
			t.Errorf("refused versions stored: %d versions", n)
		}
		if n := storedFiles(t, env); n != 1+refusedKept {
			t.Errorf("file store holds %d contents, want %d (the file and the kept ones)", n, 1+refusedKept)
		}

		// Folders.
		for name, form := range map[string]url.Values{
			"empty name":   {"name": {" "}, "parent_id": {"0"}},
			"bad position": {"name": {"Neu"}, "position": {"erste"}},
			// The same range as every list's positions, with the same message.
			"negative position": {"name": {"Neu"}, "position": {"-1"}},
		} {
			r := admin.Post("/admin/downloads/folders", form)
			if form.Get("position") != "" && !strings.Contains(r.Body, "eine ganze Zahl von 0 bis 9999") {
				t.Errorf("new folder, %s: no range message", name)
			}
			if r.Status != 422 || (form.Get("name") == "Neu" && !strings.Contains(r.Body, `value="Neu"`)) {
				t.Errorf("new folder, %s: %d", name, r.Status)
			}
		}
		// Another tenant's folder as parent is a folder that does not exist here.
		if r := admin.Post("/admin/downloads/folders", url.Values{"name": {"Neu"}, "parent_id": {strconv.FormatInt(foreignFolder.ID, 10)}}); r.Status != 404 {
			t.Errorf("new folder in a foreign folder: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_folders WHERE name = 'Neu'`); n != 0 {
			t.Errorf("refused folders stored: %d", n)
		}
		sub := seedFolder(t, env, ten.ID, folder.ID, "Unterordner")
		r = admin.Post("/admin/downloads/folders/"+strconv.FormatInt(folder.ID, 10), url.Values{"name": {"Ordner"},
			"parent_id": {strconv.FormatInt(sub.ID, 10)}})
		if r.Status != 422 || !strings.Contains(r.Body, "nicht in sich selbst") {
			t.Errorf("folder into its subfolder: %d", r.Status)
		}
		r = admin.Post("/admin/downloads/folders/"+strconv.FormatInt(folder.ID, 10)+"/delete", nil)
		if r.Status != 303 || countOf(t, env, `SELECT COUNT(*) FROM download_folders WHERE id = ?`, folder.ID) != 1 {
			t.Errorf("deleting a folder that is not empty: %d", r.Status)
		}
		if r := admin.Get(r.Location); !strings.Contains(r.Body, "enthält noch Unterordner oder Dateien") {
			t.Errorf("no message after refusing to delete a folder")
		}
	})
}
