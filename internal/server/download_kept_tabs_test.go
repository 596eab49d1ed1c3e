package server_test

import (
	"fmt"
	"net/url"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadKeptTwoTabs: the agent begins two uploads in two tabs; both are refused
// (no company chosen), each keeping its own file, and the second refusal leaves the
// first tab's file kept. The second tab then adds a file (its files are titled first)
// and publishes both: the first tab's file is still kept, and published with its
// content when that tab sends its form. Forms refused again and again without their
// list keep their own files and at most 20 more of the member's; older ones go, rows
// and contents.
func TestDownloadKeptTwoTabs(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		staff := env.Client("a.test")
		staff.AdminLogin("agent@service.test", "agent-password")
		pdf := func(n string) apptest.File {
			return apptest.File{Field: "file", Name: n, Data: []byte("%PDF-1.7\n% " + n + "\n1 0 obj << >> endobj\n%%EOF\n")}
		}
		kept := func() int64 {
			t.Helper()
			return countOf(t, env, `SELECT COUNT(*) FROM download_kept_files WHERE tenant_id = ?`, ten.ID)
		}
		refused := func(title, name string) url.Values {
			t.Helper()
			f := url.Values{"visibility": {"companies"}, "title": {title}, "description": {"Bitte prüfen"}}
			r := staff.PostMultipartValues("/admin/downloads/files", f, pdf(name))
			k := keptOnPage(t, r.Body)
			if r.Status != 422 || len(k) != 1 {
				t.Fatalf("%s refused: %d, listed %+v", name, r.Status, k)
			}
			f.Set("kept", k[0].id)
			f.Set("title_"+k[0].id, k[0].title)
			return f
		}
		tabA := refused("Vertrag A", "vertrag-a.pdf")
		tabB := refused("Vertrag B", "vertrag-b.pdf")
		if n := kept(); n != 2 {
			t.Fatalf("the second tab's refusal left %d kept files, want both tabs' 2", n)
		}

		// The second tab adds a file: both are listed to be titled, the first tab's stays.
		tabB.Set("company_id", itoa64(co.ID))
		r := staff.PostMultipartValues("/admin/downloads/files", tabB, pdf("anlage-b.pdf"))
		both := keptOnPage(t, r.Body)
		if r.Status != 200 || len(both) != 2 || both[0].id != tabB.Get("kept") || kept() != 3 {
			t.Fatalf("the second tab's second file: %d, listed %+v, %d kept", r.Status, both, kept())
		}
		tabB.Add("kept", both[1].id)
		tabB.Set("title_"+both[1].id, "Anlage B")
		if r := staff.PostMultipartValues("/admin/downloads/files", tabB); r.Status != 303 {
			t.Fatalf("the second tab publishes: %d %.400s", r.Status, r.Body)
		}
		if n := kept(); n != 1 {
			t.Fatalf("after the second tab published: %d kept, want the first tab's 1", n)
		}
		tabA.Set("company_id", itoa64(co.ID))
		if r := staff.PostMultipartValues("/admin/downloads/files", tabA); r.Status != 303 {
			t.Fatalf("the first tab publishes: %d %.400s", r.Status, r.Body)
		}
		for _, f := range []struct{ title, name string }{{"Vertrag A", "vertrag-a.pdf"}, {"Vertrag B", "vertrag-b.pdf"}, {"Anlage B", "anlage-b.pdf"}} {
			if n := countOf(t, env, `SELECT COUNT(*) FROM download_files f JOIN download_versions v ON v.id = f.current_version_id
				WHERE f.tenant_id = ? AND f.title = ? AND v.original_name = ? AND v.size = ?`, ten.ID, f.title, f.name, len(pdf(f.name).Data)); n != 1 {
				t.Errorf("%q published %d times with its content", f.title, n)
			}
		}
		if n := kept(); n != 0 || storedFiles(t, env) != 3 {
			t.Fatalf("after both tabs published: %d kept, %d stored, want 0 and 3", n, storedFiles(t, env))
		}

		// Refused without their lists: one file, then twenty, then one more. The last
		// refusal keeps its own and the twenty newest others; the first form's goes.
		refused("Alt", "alt.pdf")
		many := make([]apptest.File, 20)
		for i := range many {
			many[i] = pdf(fmt.Sprintf("teil-%02d.pdf", i+1))
		}
		if r := staff.PostMultipartValues("/admin/downloads/files", url.Values{"visibility": {"companies"}}, many...); r.Status != 422 || len(keptOnPage(t, r.Body)) != 20 {
			t.Fatalf("twenty files refused: %d, listed %d", r.Status, len(keptOnPage(t, r.Body)))
		}
		if n := kept(); n != 21 {
			t.Fatalf("after twenty more: %d kept, want 21", n)
		}
		refused("Neu", "neu.pdf")
		old := countOf(t, env, `SELECT COUNT(*) FROM download_kept_files WHERE filename = 'alt.pdf'`)
		if n := kept(); n != 21 || old != 0 || storedFiles(t, env) != 3+21 {
			t.Fatalf("after the last refusal: %d kept (alt.pdf %d), %d stored; want 21, 0, %d", n, old, storedFiles(t, env), 3+21)
		}
	})
}
