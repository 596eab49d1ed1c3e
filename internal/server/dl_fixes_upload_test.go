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

// TestDownloadContentMatchesName: a file whose content contradicts its extension
// (a PNG or a Windows program called .pdf) is refused next to the file field, through
// "upload files" and "new version" alike, and nothing of it is kept; a real PDF and a
// file of an extension that cannot be checked are published.
func TestDownloadContentMatchesName(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		folder := seedFolder(t, env, ten.ID, 0, "Rechnungen")
		fields := map[string]string{"title": "Rechnung März", "description": "Bitte bezahlen", "visibility": "all",
			"folder_id": strconv.FormatInt(folder.ID, 10)}
		png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
		exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 64)...)
		pdf := []byte("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")

		for _, c := range []struct {
			file apptest.File
			msg  string
		}{
			{apptest.File{Field: "file", Name: "rechnung.pdf", Data: png}, "Der Inhalt von rechnung.pdf ist keine .pdf-Datei."},
			{apptest.File{Field: "file", Name: "tool.pdf", Data: exe}, "tool.pdf ist ein Programm."},
			{apptest.File{Field: "file", Name: "Bericht.DOCX", Data: pdf}, "ist keine .docx-Datei"},
		} {
			r := admin.PostMultipart("/admin/downloads/files", fields, c.file)
			if r.Status != 422 || !strings.Contains(r.Body, c.msg) || !strings.Contains(r.Body, `id="e-file"`) {
				t.Errorf("%s: %d, want 422 with %q next to the file field", c.file.Name, r.Status, c.msg)
			}
			if !strings.Contains(r.Body, "Rechnung März") || !strings.Contains(r.Body, "Bitte bezahlen") {
				t.Errorf("%s: typed text lost", c.file.Name)
			}
		}
		admin.Post("/admin/language", url.Values{"language": {"en"}})
		if r := admin.PostMultipart("/admin/downloads/files", fields,
			apptest.File{Field: "file", Name: "rechnung.pdf", Data: png}); !strings.Contains(r.Body, "The content of rechnung.pdf is not a .pdf file.") {
			t.Errorf("English staff: message not in English: %d", r.Status)
		}
		admin.Post("/admin/language", url.Values{"language": {"de"}})
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files`); n != 0 {
			t.Errorf("%d files published from refused uploads", n)
		}
		if n := storedFiles(t, env); n != 0 {
			t.Errorf("%d contents left in the store from refused uploads", n)
		}

		r := admin.PostMultipart("/admin/downloads/files", fields, apptest.File{Field: "file", Name: "rechnung.pdf", Data: pdf})
		if r.Status != 303 {
			t.Fatalf("real PDF: %d %.300s", r.Status, r.Body)
		}
		fid := r.Location[strings.LastIndex(r.Location, "/")+1:]
		if r := admin.PostMultipart("/admin/downloads/files", fields, apptest.File{Field: "file", Name: "firmware.bin", Data: exe}); r.Status != 303 {
			t.Errorf("unknown extension refused: %d", r.Status)
		}

		r = admin.PostMultipart("/admin/downloads/files/"+fid+"/versions", map[string]string{"notify_shown": "1"},
			apptest.File{Field: "file", Name: "rechnung-korrigiert.pdf", Data: exe})
		if r.Status != 422 || !strings.Contains(r.Body, "rechnung-korrigiert.pdf ist ein Programm.") {
			t.Errorf("new version with a program as PDF: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_versions`); n != 2 {
			t.Errorf("%d versions, want 2 (the refused one not stored)", n)
		}
		if n := storedFiles(t, env); n != 2 {
			t.Errorf("file store holds %d contents, want 2", n)
		}
		r = admin.PostMultipart("/admin/downloads/files/"+fid+"/versions", nil,
			apptest.File{Field: "file", Name: "rechnung-korrigiert.pdf", Data: pdf})
		if r.Status != 303 {
			t.Errorf("new version, real PDF: %d", r.Status)
		}
	})
}

// TestDownloadOneFileTooLarge: one file far over the per-file limit (so that skipping
// it also runs past the bound of the whole body) gets the file field's message only,
// not the form-wide "too large as a whole", through both upload forms.
func TestDownloadOneFileTooLarge(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		if r := admin.Post("/admin/downloads/settings", url.Values{"max_upload_mb": {"1"}}); r.Status != 303 {
			t.Fatalf("limit 1 MB: %d", r.Status)
		}
		f := seedDownload(t, env, ten.ID, "Handbuch", 0, nil, []byte("Inhalt"))
		huge := apptest.File{Field: "file", Name: "huge.bin", Data: make([]byte, 30<<20)}
		for path, fields := range map[string]map[string]string{
			"/admin/downloads/files": {"title": "Riesig", "visibility": "all"},
			"/admin/downloads/files/" + strconv.FormatInt(f.ID, 10) + "/versions": nil,
		} {
			r := admin.PostMultipart(path, fields, huge)
			if r.Status != 422 || !strings.Contains(r.Body, "Die Datei huge.bin ist größer als 1\u00a0MB.") {
				t.Errorf("%s: %d, want 422 with the file's message", path, r.Status)
			}
			if strings.Contains(r.Body, "insgesamt zu groß") {
				t.Errorf("%s: the form-wide message for one file over the limit", path)
			}
		}
		if n := storedFiles(t, env); n != 1 {
			t.Errorf("file store holds %d contents, want 1", n)
		}
	})
}
