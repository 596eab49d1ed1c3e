package server_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestDownloads walks the download area end to end: staff upload several files at once
// and one for a chosen company into a folder; each contact sees what is meant for their
// company (another company's file and its folder are 404); a download streams the file
// as an attachment under its original name; a Range request resumes with 206 and the
// tail of the file without counting again; a new version becomes the current one and
// the old one stays downloadable; staff see counts and who downloaded what; changing
// the visibility moves the file to the other company; deleting removes rows and stored
// content and is audited; a tenant without the module has no download area.
func TestDownloads(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		k1co, k2co := env.Company(ten, "Kunde Eins AG"), env.Company(ten, "Kunde Zwei GmbH")
		env.Contact(ten, "k1@eins.test", "kunde-eins-pw", "main", k1co)
		env.Contact(ten, "k2@zwei.test", "kunde-zwei-pw", "user", k2co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		staff := env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		k1, k2 := env.Client("a.test"), env.Client("a.test")
		k1.Login("k1@eins.test", "kunde-eins-pw")
		k2.Login("k2@zwei.test", "kunde-zwei-pw")

		// Two files at once, for everybody, at the top level: listed first, each with its
		// title from its name (download_kept_test.go), published with the form sent again.
		fields := url.Values{"visibility": {"all"}, "folder_id": {"0"}, "description": {"Für alle"}}
		r := staff.PostMultipartValues("/admin/downloads/files", fields,
			apptest.File{Field: "file", Name: "Preisliste 2026.csv", Data: []byte("artikel;preis\nToner;49,90\n")},
			apptest.File{Field: "file", Name: "Handbuch.txt", Data: []byte("Bitte zuerst lesen.\n")})
		if r.Status != 200 {
			t.Fatalf("upload two: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		for _, k := range keptOnPage(t, r.Body) {
			fields.Add("kept", k.id)
			fields.Set("title_"+k.id, k.title)
		}
		if r = staff.PostMultipartValues("/admin/downloads/files", fields); r.Status != 303 || r.Location != "/admin/downloads" {
			t.Fatalf("publish two: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files WHERE tenant_id = ?`, ten.ID); n != 2 {
			t.Fatalf("%d files after uploading two", n)
		}
		// A folder and, in it, a contract for Kunde Eins only.
		r = staff.Post("/admin/downloads/folders", url.Values{"name": {"Verträge"}, "parent_id": {"0"}, "position": {"1"}})
		if r.Status != 303 {
			t.Fatalf("new folder: %d %.300s", r.Status, r.Body)
		}
		folder := countOf(t, env, `SELECT id FROM download_folders WHERE tenant_id = ? AND name = 'Verträge'`, ten.ID)
		contract := []byte("%PDF-1.4\n% Rahmenvertrag Kunde Eins\n%%EOF\n")
		r = staff.PostMultipart("/admin/downloads/files", map[string]string{"title": "Rahmenvertrag", "visibility": "companies",
			"company_id": strconv.FormatInt(k1co.ID, 10), "folder_id": strconv.FormatInt(folder, 10)},
			apptest.File{Field: "file", Name: "Rahmenvertrag Ü 2026.pdf", Data: contract})
		if r.Status != 303 {
			t.Fatalf("upload contract: %d %.500s", r.Status, r.Body)
		}
		fileID := idAfter(t, r.Location, "/admin/downloads/files/")
		fid := strconv.FormatInt(fileID, 10)
		v1 := countOf(t, env, `SELECT current_version_id FROM download_files WHERE id = ?`, fileID)

		// The home tile leads to the area; each company sees its own.
		if r := k1.Get("/"); !strings.Contains(r.Body, `href="/downloads"`) {
			t.Errorf("home has no downloads tile link")
		}
		r = k1.Get("/downloads")
		if r.Status != 200 || !strings.Contains(r.Body, "Verträge") || !strings.Contains(r.Body, "Preisliste 2026") ||
			!strings.Contains(r.Body, "Handbuch") || strings.Contains(r.Body, "Rahmenvertrag") {
			t.Errorf("k1 top level: %d %.2000s", r.Status, r.Body)
		}
		if r := k1.Get("/downloads/folders/" + strconv.FormatInt(folder, 10)); r.Status != 200 || !strings.Contains(r.Body, "Rahmenvertrag") {
			t.Errorf("k1 folder: %d", r.Status)
		}
		if r := k1.Get("/downloads?q=RAHMEN"); r.Status != 200 || !strings.Contains(r.Body, "Rahmenvertrag") || strings.Contains(r.Body, "Handbuch") {
			t.Errorf("k1 search: %d", r.Status)
		}
		if r := k2.Get("/downloads"); strings.Contains(r.Body, "Verträge") || !strings.Contains(r.Body, "Handbuch") {
			t.Errorf("k2 sees the other company's folder or misses the common files")
		}
		for _, p := range []string{"/downloads/folders/" + strconv.FormatInt(folder, 10), "/downloads/files/" + fid,
			"/downloads/files/" + fid + "/download", "/downloads/versions/" + strconv.FormatInt(v1, 10) + "/download"} {
			if r := k2.Get(p); r.Status != 404 || strings.Contains(r.Body, "Rahmenvertrag") {
				t.Errorf("k2 GET %s: %d, want 404", p, r.Status)
			}
		}

		// A download: the bytes, as an attachment under the original name, counted once.
		d := fetch(t, env, k1, "a.test", "GET", "/downloads/files/"+fid+"/download", nil)
		if d.Status != 200 || !bytes.Equal(d.Body, contract) {
			t.Fatalf("download: %d %q", d.Status, d.Body)
		}
		if cd := d.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") ||
			!strings.Contains(cd, `filename*=UTF-8''Rahmenvertrag%20%C3%9C%202026.pdf`) {
			t.Errorf("Content-Disposition %q", cd)
		}
		if d.Header.Get("Content-Type") != "application/pdf" || d.Header.Get("X-Content-Type-Options") != "nosniff" ||
			d.Header.Get("Accept-Ranges") != "bytes" || d.Header.Get("ETag") == "" {
			t.Errorf("headers %v", d.Header)
		}
		if n := countOf(t, env, `SELECT downloads FROM download_files WHERE id = ?`, fileID); n != 1 {
			t.Errorf("count after one download: %d", n)
		}
		if h := fetch(t, env, k1, "a.test", "HEAD", "/downloads/files/"+fid+"/download", nil); h.Status != 200 {
			t.Errorf("HEAD: %d", h.Status)
		}

		// A larger file, resumed with Range: 206, the right Content-Range, the tail; the
		// continuation is not a new download, a request from byte 0 is.
		big := make([]byte, 3<<20+17)
		rand.Read(big)
		r = staff.PostMultipart("/admin/downloads/files", map[string]string{"title": "Setup", "visibility": "all"},
			apptest.File{Field: "file", Name: "setup.bin", Data: big})
		if r.Status != 303 {
			t.Fatalf("upload big: %d %.300s", r.Status, r.Body)
		}
		bigFile := idAfter(t, r.Location, "/admin/downloads/files/")
		bigID := strconv.FormatInt(bigFile, 10)
		full := fetch(t, env, k2, "a.test", "GET", "/downloads/files/"+bigID+"/download", nil)
		if full.Status != 200 || !bytes.Equal(full.Body, big) || full.Header.Get("Content-Length") != strconv.Itoa(len(big)) {
			t.Fatalf("big download: %d, %d bytes", full.Status, len(full.Body))
		}
		const from = 1_000_000
		part := fetch(t, env, k2, "a.test", "GET", "/downloads/files/"+bigID+"/download",
			map[string]string{"Range": fmt.Sprintf("bytes=%d-", from), "If-Range": full.Header.Get("ETag")})
		want := fmt.Sprintf("bytes %d-%d/%d", from, len(big)-1, len(big))
		if part.Status != 206 || part.Header.Get("Content-Range") != want || !bytes.Equal(part.Body, big[from:]) {
			t.Fatalf("resume: %d %q, %d bytes", part.Status, part.Header.Get("Content-Range"), len(part.Body))
		}
		bigCount := func() int64 {
			return countOf(t, env, `SELECT downloads FROM download_files WHERE id = ?`, bigFile)
		}
		if n := bigCount(); n != 1 {
			t.Errorf("count after a resumed download: %d, want 1", n)
		}
		if p := fetch(t, env, k2, "a.test", "GET", "/downloads/files/"+bigID+"/download", map[string]string{"Range": "bytes=0-99"}); p.Status != 206 || !bytes.Equal(p.Body, big[:100]) {
			t.Errorf("first bytes: %d", p.Status)
		}
		if stale := fetch(t, env, k2, "a.test", "GET", "/downloads/files/"+bigID+"/download",
			map[string]string{"Range": "bytes=500-", "If-Range": `"changed"`}); stale.Status != 200 || len(stale.Body) != len(big) {
			t.Errorf("stale If-Range: %d", stale.Status)
		}
		if n := bigCount(); n != 3 {
			t.Errorf("count after a download from byte 0 and a stale resume: %d, want 3", n)
		}

		// A new version becomes the current one; the first stays in the history.
		r = staff.PostMultipart("/admin/downloads/files/"+fid+"/versions", nil,
			apptest.File{Field: "file", Name: "Rahmenvertrag v2.pdf", Data: []byte("%PDF-1.4\n% Fassung 2\n")})
		if r.Status != 303 || r.Location != "/admin/downloads/files/"+fid {
			t.Fatalf("new version: %d %.300s", r.Status, r.Body)
		}
		if r := k1.Get("/downloads/files/" + fid); !strings.Contains(r.Body, "Rahmenvertrag v2.pdf") ||
			!strings.Contains(r.Body, "/downloads/versions/"+strconv.FormatInt(v1, 10)+"/download") {
			t.Errorf("file page lacks the history: %.3000s", r.Body)
		}
		if d := fetch(t, env, k1, "a.test", "GET", "/downloads/files/"+fid+"/download", nil); !strings.Contains(string(d.Body), "Fassung 2") {
			t.Errorf("current version: %q", d.Body)
		}
		old := fetch(t, env, k1, "a.test", "GET", "/downloads/versions/"+strconv.FormatInt(v1, 10)+"/download", nil)
		if !bytes.Equal(old.Body, contract) || !strings.Contains(old.Header.Get("Content-Disposition"), "Rahmenvertrag%20%C3%9C") {
			t.Errorf("old version: %d %q", old.Status, old.Header.Get("Content-Disposition"))
		}

		// Staff: counts and the log (who, company, version); their own download is free.
		page := staff.Get("/admin/downloads/files/" + fid)
		for _, s := range []string{"k1@eins.test", "Kunde Eins AG", "Rahmenvertrag v2.pdf", "Rahmenvertrag Ü 2026.pdf"} {
			if !strings.Contains(page.Body, s) {
				t.Errorf("staff page lacks %q", s)
			}
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_log WHERE file_id = ?`, fileID); n != 3 {
			t.Errorf("log entries %d, want 3", n)
		}
		if n := countOf(t, env, `SELECT downloads FROM download_versions WHERE id = ?`, v1); n != 2 {
			t.Errorf("first version counted %d, want 2", n)
		}
		if r := staff.Get("/admin/downloads/versions/" + strconv.FormatInt(v1, 10) + "/download"); r.Status != 200 || r.Body != string(contract) {
			t.Errorf("staff download: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT downloads FROM download_files WHERE id = ?`, fileID); n != 3 {
			t.Errorf("count after the staff download: %d, want 3", n)
		}
		if r := staff.Get("/admin/downloads?folder=" + strconv.FormatInt(folder, 10)); !strings.Contains(r.Body, "Rahmenvertrag") {
			t.Errorf("staff folder list")
		}

		// Visibility moves to Kunde Zwei: now k1 gets 404, k2 the file.
		r = staff.Post("/admin/downloads/files/"+fid, url.Values{"title": {"Rahmenvertrag"}, "visibility": {"companies"},
			"company_id": {strconv.FormatInt(k2co.ID, 10)}, "folder_id": {strconv.FormatInt(folder, 10)}})
		if r.Status != 303 {
			t.Fatalf("edit: %d %.500s", r.Status, r.Body)
		}
		if r := k1.Get("/downloads/files/" + fid); r.Status != 404 {
			t.Errorf("k1 after the change: %d", r.Status)
		}
		if r := k2.Get("/downloads/files/" + fid); r.Status != 200 {
			t.Errorf("k2 after the change: %d", r.Status)
		}

		// Delete: rows and content gone, audited.
		before := storedFiles(t, env)
		if r := staff.Post("/admin/downloads/files/"+fid+"/delete", nil); r.Status != 303 {
			t.Fatalf("delete: %d", r.Status)
		}
		if n := storedFiles(t, env); n != before-2 {
			t.Errorf("stored files %d → %d, want two fewer", before, n)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_versions WHERE file_id = ?`, fileID); n != 0 {
			t.Errorf("versions left: %d", n)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'download_deleted' AND target LIKE ?`, "download:"+fid+" %"); n != 1 {
			t.Errorf("audit entries for the deletion: %d", n)
		}
		if r := k2.Get("/downloads/files/" + fid); r.Status != 404 {
			t.Errorf("deleted file: %d", r.Status)
		}

		// A tenant without the module has no download area.
		other := env.Tenant("Ohne Downloads", "c.test")
		if err := tenant.SetModules(ctx, env.DB, other.ID, []string{"helpdesk"}); err != nil {
			t.Fatal(err)
		}
		oco := env.Company(other, "Kunde C")
		env.Contact(other, "c@c.test", "kunde-c-password", "user", oco)
		c := env.Client("c.test")
		c.Login("c@c.test", "kunde-c-password")
		if r := c.Get("/downloads"); r.Status != 404 {
			t.Errorf("downloads without the module: %d", r.Status)
		}
		if r := c.Get("/"); strings.Contains(r.Body, `href="/downloads"`) {
			t.Errorf("home links to downloads without the module")
		}
	})
}
