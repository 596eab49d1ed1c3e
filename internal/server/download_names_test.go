package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestFolderNames: an agent gives a folder and its subfolder English and Hebrew names
// on the folder's "Translations" page (audited). An English contact then sees them in
// the folder list, the breadcrumbs, the page title, a search result's folder path
// and a file's page, and finds the file by the English folder name; a Hebrew contact
// sees the Hebrew names, a Danish contact (no Danish name) the main names; the back
// office keeps the main names.
func TestFolderNames(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		for _, l := range []string{"en", "he", "da"} {
			env.Contact(ten, l+"@kunde.test", l+"-password-1", "user", co)
			contactSpeaks(t, env, l+"@kunde.test", l)
		}
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		top := seedFolder(t, env, ten.ID, 0, "Handbücher")
		sub := seedFolder(t, env, ten.ID, top.ID, "Drucker")
		file := seedDownload(t, env, ten.ID, "Kurzanleitung MFP", sub.ID, nil, []byte("Toner wechseln"))

		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		if r := agent.Get("/admin/downloads/folders/" + id(top.ID)); !strings.Contains(r.Body, `href="/admin/downloads/folders/`+id(top.ID)+`/names"`) {
			t.Fatalf("folder page lacks the link to the translations")
		}
		for _, c := range []struct {
			folder int64
			names  url.Values
		}{
			{top.ID, url.Values{"name_en": {"Manuals"}, "name_he": {"מדריכים"}}},
			{sub.ID, url.Values{"name_en": {"Printers"}, "name_he": {"מדפסות"}}},
		} {
			p := "/admin/downloads/folders/" + id(c.folder) + "/names"
			if r := agent.Post(p, c.names); r.Status != 303 || r.Location != "/admin/downloads/folders/"+id(c.folder) {
				t.Fatalf("save %s: %d %q %.300s", p, r.Status, r.Location, r.Body)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'download_folder_names'
			AND target = ?`, ten.ID, "folder:"+id(top.ID)+" Handbücher (en Manuals, he מדריכים)"); n != 1 {
			t.Errorf("audit entries: %d", n)
		}

		pages := []string{"/downloads", "/downloads/folders/" + id(top.ID), "/downloads/folders/" + id(sub.ID),
			"/downloads/files/" + id(file.ID), "/downloads?q=" + url.QueryEscape("kurzanleitung")}
		for _, c := range []struct {
			lang       string
			want, miss []string
		}{
			{"en", []string{"Manuals", "Printers"}, []string{"Handbücher", "Drucker<"}},
			{"he", []string{"מדריכים", "מדפסות"}, []string{"Handbücher", "Manuals"}},
			{"da", []string{"Handbücher", "Drucker"}, []string{"Manuals", "מדריכים"}},
		} {
			cl := env.Client("a.test")
			cl.Login(c.lang+"@kunde.test", c.lang+"-password-1")
			for _, p := range pages {
				r := cl.Get(p)
				if r.Status != 200 {
					t.Fatalf("%s GET %s: %d", c.lang, p, r.Status)
				}
				// The start shows the top folder only; the others show both names.
				want := c.want
				if p == "/downloads" || p == "/downloads/folders/"+id(top.ID) {
					want = want[:1]
				}
				for _, w := range want {
					if !strings.Contains(r.Body, w) {
						t.Errorf("%s GET %s lacks %q", c.lang, p, w)
					}
				}
				for _, m := range c.miss {
					if strings.Contains(r.Body, m) {
						t.Errorf("%s GET %s shows %q", c.lang, p, m)
					}
				}
			}
			if c.lang == "en" {
				if r := cl.Get("/downloads?q=printers"); !strings.Contains(r.Body, "Kurzanleitung MFP") {
					t.Errorf("searching the English folder name finds nothing")
				}
				if r := cl.Get("/downloads?q=drucker"); !strings.Contains(r.Body, "Kurzanleitung MFP") {
					t.Errorf("searching the main folder name finds nothing")
				}
			}
		}

		for _, p := range []string{"/admin/downloads", "/admin/downloads?folder=" + id(sub.ID), "/admin/downloads/folders/" + id(sub.ID),
			"/admin/downloads/files/" + id(file.ID)} {
			if r := agent.Get(p); r.Status != 200 || !strings.Contains(r.Body, "Handbücher") || strings.Contains(r.Body, "Manuals") {
				t.Errorf("staff GET %s: %d, want the main names only", p, r.Status)
			}
		}
	})
}
