package server_test

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// keptFile is a kept file as the upload form lists it: its id and prefilled title.
type keptFile struct{ id, title string }

var keptTitleRe = regexp.MustCompile(`<input type="hidden" name="kept" value="(\d+)">(?s:.*?)name="title_(\d+)" value="([^"]*)"`)

// keptOnPage reads the kept files an upload form lists, in order.
func keptOnPage(t *testing.T, body string) []keptFile {
	t.Helper()
	var out []keptFile
	for _, m := range keptTitleRe.FindAllStringSubmatch(body, -1) {
		if m[1] != m[2] {
			t.Fatalf("kept file %s shows the title field of %s", m[1], m[2])
		}
		out = append(out, keptFile{m[1], html.UnescapeString(m[3])})
	}
	return out
}

// TestDownloadSeveralTitled: several files chosen at once are not published under
// their file names but listed, kept, each with a title field prefilled from its name
// (extension dropped, underscores as spaces); an empty title is refused next to its
// field with the files still kept; sent with their titles they are published under
// them, once, and nothing stays kept. Another member cannot publish them by their ids.
func TestDownloadSeveralTitled(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		env.Staff(ten, "agent", "other@service.test", "other-password")
		staff, other := env.Client("a.test"), env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		other.AdminLogin("other@service.test", "other-password")

		fields := url.Values{"visibility": {"all"}, "folder_id": {"0"}, "description": {"Für alle"}, "title": {"ignoriert"}}
		r := staff.PostMultipartValues("/admin/downloads/files", fields,
			apptest.File{Field: "file", Name: "Preisliste_2026.csv", Data: []byte("artikel;preis\n")},
			apptest.File{Field: "file", Name: "Handbuch Teil_1.txt", Data: []byte("Bitte lesen.\n")})
		kept := keptOnPage(t, r.Body)
		if r.Status != 200 || len(kept) != 2 || kept[0].title != "Preisliste 2026" || kept[1].title != "Handbuch Teil 1" {
			t.Fatalf("two files: %d, listed %+v", r.Status, kept)
		}
		if !strings.Contains(r.Body, "Für alle") || strings.Contains(r.Body, `name="title" `) {
			t.Errorf("the step loses the description or still shows the one title field")
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files`); n != 0 {
			t.Fatalf("%d files published before they were titled", n)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_kept_files WHERE tenant_id = ?`, ten.ID); n != 2 || storedFiles(t, env) != 2 {
			t.Fatalf("%d kept rows, %d stored, want 2 and 2", n, storedFiles(t, env))
		}

		for _, k := range kept {
			fields.Add("kept", k.id)
		}
		fields.Set("title_"+kept[0].id, "Preisliste für 2026")
		fields.Set("title_"+kept[1].id, " ")
		r = staff.PostMultipartValues("/admin/downloads/files", fields)
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-title_`+kept[1].id+`"`) || !strings.Contains(r.Body, "Preisliste für 2026") {
			t.Fatalf("empty title: %d, want 422 with the message next to the second file's title %.400s", r.Status, r.Body)
		}
		if got := keptOnPage(t, r.Body); len(got) != 2 {
			t.Fatalf("after the refusal %d files listed, want 2", len(got))
		}

		// Another member's post with the same ids publishes nothing and keeps nothing.
		if r := other.PostMultipartValues("/admin/downloads/files", fields); r.Status != 422 || len(keptOnPage(t, r.Body)) != 0 {
			t.Errorf("other member: %d, %d listed", r.Status, len(keptOnPage(t, r.Body)))
		}

		fields.Set("title_"+kept[1].id, "Handbuch, Teil 1")
		r = staff.PostMultipartValues("/admin/downloads/files", fields)
		if r.Status != 303 || r.Location != "/admin/downloads" {
			t.Fatalf("publish: %d %q %.400s", r.Status, r.Location, r.Body)
		}
		for _, title := range []string{"Preisliste für 2026", "Handbuch, Teil 1"} {
			if n := countOf(t, env, `SELECT COUNT(*) FROM download_files f JOIN download_versions v ON v.id = f.current_version_id
				WHERE f.tenant_id = ? AND f.title = ? AND f.description = 'Für alle' AND v.sha256 <> ''`, ten.ID, title); n != 1 {
				t.Errorf("%q published %d times", title, n)
			}
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_kept_files`); n != 0 || storedFiles(t, env) != 2 {
			t.Errorf("after publishing: %d kept, %d stored", n, storedFiles(t, env))
		}
		// The same form again publishes nothing twice and says the files are gone.
		if r := staff.PostMultipartValues("/admin/downloads/files", fields); r.Status != 422 || !strings.Contains(r.Body, "nicht mehr vorhanden") {
			t.Errorf("sent twice: %d", r.Status)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files`); n != 2 {
			t.Errorf("%d files after sending twice, want 2", n)
		}
	})
}

// TestDownloadRefusedKeepsFile: a form refused for another field keeps its one file,
// listed with the typed title, so it is not uploaded again; sent fixed, it is published
// with that content. "Remove" deletes a kept file and its content, a new file chosen
// beside kept ones joins them, a form left alone keeps its files at the next refusal
// of another, and the janitor deletes what nobody published within a day.
func TestDownloadRefusedKeepsFile(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		staff := env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		pdf := []byte("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n")

		fields := url.Values{"visibility": {"companies"}, "title": {"Rahmenvertrag"}, "description": {"Bitte prüfen"}}
		r := staff.PostMultipartValues("/admin/downloads/files", fields, apptest.File{Field: "file", Name: "vertrag_v2.pdf", Data: pdf})
		kept := keptOnPage(t, r.Body)
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-company_id"`) || len(kept) != 1 || kept[0].title != "Rahmenvertrag" {
			t.Fatalf("no company: %d, listed %+v", r.Status, kept)
		}
		fields.Add("kept", kept[0].id)
		fields.Set("title_"+kept[0].id, kept[0].title)
		fields.Set("company_id", itoa64(co.ID))
		r = staff.PostMultipartValues("/admin/downloads/files", fields)
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/downloads/files/") {
			t.Fatalf("sent fixed: %d %.400s", r.Status, r.Body)
		}
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_files f JOIN download_versions v ON v.id = f.current_version_id
			WHERE f.title = 'Rahmenvertrag' AND v.original_name = 'vertrag_v2.pdf' AND v.size = ?`, len(pdf)); n != 1 {
			t.Fatalf("published %d times with the kept content", n)
		}

		// Kept, then a second file beside it, then one removed: its content goes.
		bad := url.Values{"visibility": {"companies"}, "description": {"x"}}
		r = staff.PostMultipartValues("/admin/downloads/files", bad, apptest.File{Field: "file", Name: "a.pdf", Data: pdf})
		first := keptOnPage(t, r.Body)
		bad.Add("kept", first[0].id)
		bad.Set("title_"+first[0].id, "A")
		r = staff.PostMultipartValues("/admin/downloads/files", bad, apptest.File{Field: "file", Name: "b.pdf", Data: append(pdf, 'b')})
		both := keptOnPage(t, r.Body)
		if r.Status != 422 || len(both) != 2 || both[0].title != "A" || both[1].title != "b" {
			t.Fatalf("a second file beside a kept one: %d, listed %+v", r.Status, both)
		}
		before := storedFiles(t, env)
		bad.Set("kept", both[0].id)
		bad.Add("kept", both[1].id)
		bad.Set("kept_remove", both[0].id)
		r = staff.PostMultipartValues("/admin/downloads/files", bad)
		if left := keptOnPage(t, r.Body); len(left) != 1 || left[0].id != both[1].id || storedFiles(t, env) != before-1 {
			t.Fatalf("remove: listed %+v, stored %d (was %d)", left, storedFiles(t, env), before)
		}

		// A new form refused without the list leaves the files of the one left alone: it
		// may be open in another tab (download_kept_tabs_test.go).
		r = staff.PostMultipartValues("/admin/downloads/files", url.Values{"visibility": {"companies"}},
			apptest.File{Field: "file", Name: "c.pdf", Data: append(pdf, 'c')})
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_kept_files`); n != 2 || storedFiles(t, env) != before {
			t.Fatalf("after a new refused form: %d kept, %d stored, want 2 and %d", n, storedFiles(t, env), before)
		}

		// Not published within a day: the janitor deletes row and content.
		if _, err := env.DB.Exec(context.Background(), `UPDATE download_kept_files SET created_at = created_at - ?`, int64(25*time.Hour/time.Second)); err != nil {
			t.Fatal(err)
		}
		env.App.Sweep(context.Background(), time.Now())
		if n := countOf(t, env, `SELECT COUNT(*) FROM download_kept_files`); n != 0 || storedFiles(t, env) != before-2 {
			t.Errorf("after a day: %d kept, %d stored, want 0 and %d", n, storedFiles(t, env), before-2)
		}
	})
}
