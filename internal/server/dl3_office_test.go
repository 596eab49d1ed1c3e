package server_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/testutil"
)

// officeZip is a minimal OOXML package whose main part lives under dir ("word/"…).
func officeZip(t *testing.T, dir string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", dir + "main.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte(strings.Repeat("<x/>", 400)))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDownloadProgramsAndOffice: a program is refused under a document's name or none;
// a Word document is refused as .xlsx, and published as .docx it shows and is served
// with its own type, not "application/zip".
func TestDownloadProgramsAndOffice(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "k@kunde.test", "kunde-password", "user", co)
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		admin, contact := env.Client("a.test"), env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		contact.Login("k@kunde.test", "kunde-password")
		fields := map[string]string{"title": "Werkzeug", "description": "Für alle", "visibility": "all"}
		exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 64)...)
		elf := append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 64)...)
		word := officeZip(t, "word/")

		for _, c := range []struct {
			file apptest.File
			msg  string
		}{
			{apptest.File{Field: "file", Name: "prog.doc", Data: exe}, "prog.doc ist ein Programm."},
			{apptest.File{Field: "file", Name: "prog.txt", Data: exe}, "prog.txt ist ein Programm."},
			{apptest.File{Field: "file", Name: "prog", Data: exe}, "prog ist ein Programm."},
			{apptest.File{Field: "file", Name: "tool", Data: elf}, "tool ist ein Programm."},
			{apptest.File{Field: "file", Name: "swap.xlsx", Data: word}, "Der Inhalt von swap.xlsx ist keine .xlsx-Datei."},
		} {
			r := admin.PostMultipart("/admin/downloads/files", fields, c.file)
			if r.Status != 422 || !strings.Contains(r.Body, c.msg) || !strings.Contains(r.Body, `id="e-file"`) {
				t.Errorf("%s: %d, want 422 with %q next to the file field", c.file.Name, r.Status, c.msg)
			}
			if !strings.Contains(r.Body, "Für alle") {
				t.Errorf("%s: typed text lost", c.file.Name)
			}
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files`); n != 0 {
			t.Errorf("%d files published from refused uploads", n)
		}

		for name, data := range map[string][]byte{"setup.exe": exe, "bericht.docx": word} {
			if r := admin.PostMultipart("/admin/downloads/files", fields, apptest.File{Field: "file", Name: name, Data: data}); r.Status != 303 {
				t.Fatalf("%s refused: %d", name, r.Status)
			}
		}
		fid := countOf(t, env, `SELECT file_id FROM download_versions WHERE original_name = ?`, "bericht.docx")
		page := contact.Get("/downloads/files/" + id(fid))
		if page.Status != 200 || !strings.Contains(page.Body, "Word-Dokument") { // its kind, not application/vnd.…
			t.Errorf("download page: %d, kind of %q not shown", page.Status, filestore.TypeDocx)
		}
		r := contact.Get("/downloads/files/" + id(fid) + "/download")
		if r.Status != 200 || r.Header.Get("Content-Type") != filestore.TypeDocx || r.Body != string(word) {
			t.Errorf("download: %d %q", r.Status, r.Header.Get("Content-Type"))
		}
	})
}
