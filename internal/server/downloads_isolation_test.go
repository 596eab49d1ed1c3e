package server_test

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadIsolation hits every portal download route that takes an id with ids of
// another company of the tenant, of another tenant, of an empty folder and of nothing:
// all are 404 without the names, and none is counted or logged; the same ids work for
// the company they belong to.
func TestDownloadIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta, tb int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.b1).Scan(&tb)
		forA2 := seedFolder(t, w.env, ta, 0, "Ordner nur A2")
		empty := seedFolder(t, w.env, ta, 0, "Leerer Ordner")
		fileA2 := seedDownload(t, w.env, ta, "Vertrag nur A2", forA2.ID, []int64{w.a2}, []byte("A2 intern"))
		fileA1 := seedDownload(t, w.env, ta, "Vertrag A1", 0, []int64{w.a1}, []byte("A1 intern"))
		folderB := seedFolder(t, w.env, tb, 0, "Ordner Mandant B")
		fileB := seedDownload(t, w.env, tb, "Datei Mandant B", folderB.ID, nil, []byte("B für alle"))

		alice, dave, bob := w.env.Client("a.test"), w.env.Client("a.test"), w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		dave.Login("dave@a1.test", "dave-password")
		bob.Login("bob@a2.test", "bob-password-1")

		foreign := map[string][]int64{
			"/downloads/folders/%d":           {forA2.ID, empty.ID, folderB.ID, 999999},
			"/downloads/files/%d":             {fileA2.ID, fileB.ID, 999999},
			"/downloads/files/%d/download":    {fileA2.ID, fileB.ID, 999999},
			"/downloads/versions/%d/download": {fileA2.Current.ID, fileB.Current.ID, 999999},
		}
		for _, c := range []*apptest.Client{alice, dave} {
			for pattern, ids := range foreign {
				for _, n := range ids {
					path := strings.Replace(pattern, "%d", id(n), 1)
					r := c.Get(path)
					if r.Status != 404 || strings.Contains(r.Body, "nur A2") || strings.Contains(r.Body, "Mandant B") ||
						strings.Contains(r.Body, "intern") || strings.Contains(r.Body, "für alle") {
						t.Errorf("GET %s: %d, want 404 without the content", path, r.Status)
					}
				}
				for _, bad := range []string{"abc", "0", "-1", "99999999999999999999"} {
					if r := c.Get(strings.Replace(pattern, "%d", bad, 1)); r.Status != 404 {
						t.Errorf("GET %s with %q: %d", pattern, bad, r.Status)
					}
				}
			}
			if r := c.Get("/downloads?q=Vertrag"); strings.Contains(r.Body, "nur A2") || !strings.Contains(r.Body, "Vertrag A1") {
				t.Errorf("search shows another company's file or misses the own one")
			}
			if r := c.Get("/downloads"); strings.Contains(r.Body, "Leerer Ordner") || strings.Contains(r.Body, "Ordner nur A2") {
				t.Errorf("list shows empty or foreign folders")
			}
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_log`); n != 0 {
			t.Errorf("refused downloads were logged: %d", n)
		}
		// The same ids for their own company.
		if r := alice.Get("/downloads/files/" + id(fileA1.ID) + "/download"); r.Status != 200 || r.Body != "A1 intern" {
			t.Errorf("alice's own file: %d", r.Status)
		}
		for _, p := range []string{"/downloads/folders/" + id(forA2.ID), "/downloads/files/" + id(fileA2.ID),
			"/downloads/versions/" + id(fileA2.Current.ID) + "/download"} {
			if r := bob.Get(p); r.Status != 200 {
				t.Errorf("bob GET %s: %d", p, r.Status)
			}
		}

		// Back office: another tenant's folder in ?folder= and its companies in the picker.
		staffA := w.env.Client("a.test")
		staffA.AdminLogin("admin@a.test", "admin-a-password")
		if r := staffA.Get("/admin/downloads?folder=" + id(folderB.ID)); r.Status != 404 || strings.Contains(r.Body, "Mandant B") {
			t.Errorf("foreign folder list: %d", r.Status)
		}
		if r := staffA.Get("/admin/downloads/companies?company_id=" + id(w.b1) + "&company_q=B1"); strings.Contains(r.Body, "B1 AG") {
			t.Errorf("picker shows another tenant's company")
		}
	})
}

// downloadAdminForeign gives tenant B a folder and a file and returns the back-office
// download routes with their ids, for TestAdminIsolation; after the test, both are
// checked to be unchanged.
func downloadAdminForeign(t *testing.T, w *world, tenantB int64) map[string]string {
	folder := seedFolder(t, w.env, tenantB, 0, "B1 AG Ordner")
	f := seedDownload(t, w.env, tenantB, "B1 AG Datei", folder.ID, []int64{w.b1}, []byte("B1 AG intern"))
	t.Cleanup(func() {
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_files WHERE id = ? AND title = 'B1 AG Datei'
			AND visibility = 'companies'`, f.ID); n != 1 {
			t.Errorf("tenant B's file changed")
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_versions WHERE file_id = ?`, f.ID); n != 1 {
			t.Errorf("tenant B's versions changed: %d", n)
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_folders WHERE id = ? AND name = 'B1 AG Ordner'`, folder.ID); n != 1 {
			t.Errorf("tenant B's folder changed")
		}
	})
	fo, fi, v := "/admin/downloads/folders/"+id(folder.ID), "/admin/downloads/files/"+id(f.ID), id(f.Current.ID)
	return map[string]string{
		"GET /admin/downloads/folders/{id}":           fo,
		"POST /admin/downloads/folders/{id}":          fo,
		"POST /admin/downloads/folders/{id}/delete":   fo + "/delete",
		"GET /admin/downloads/folders/{id}/names":     fo + "/names",
		"POST /admin/downloads/folders/{id}/names":    fo + "/names",
		"GET /admin/downloads/files/{id}":             fi,
		"POST /admin/downloads/files/{id}":            fi,
		"POST /admin/downloads/files/{id}/versions":   fi + "/versions",
		"POST /admin/downloads/files/{id}/delete":     fi + "/delete",
		"GET /admin/downloads/versions/{id}/download": "/admin/downloads/versions/" + v + "/download",
		"POST /admin/downloads/versions/{id}/delete":  "/admin/downloads/versions/" + v + "/delete",
	}
}
