package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestDownloadLinkSwitchesCompany: download notices go out per company, so a contact
// of A1 and A2 who works for A1 may follow a link to a file or folder only A2 sees. The
// link asks whether to switch to A2 and changes nothing by itself; the button (a POST)
// switches and opens the file, its download or the folder. A contact whose access to
// A2 was revoked, and a switch naming another company, get a 404 and keep their
// company; a file every company sees needs no switch.
func TestDownloadLinkSwitchesCompany(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		ctx := t.Context()
		var tid int64
		w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&tid)
		ta, err := tenant.Get(ctx, w.env.DB, tid)
		if err != nil {
			t.Fatal(err)
		}
		a1, _ := company.Get(ctx, w.env.DB, tid, w.a1)
		a2, _ := company.Get(ctx, w.env.DB, tid, w.a2)
		w.env.Contact(ta, "eve@a1.test", "eve-password-1", "user", a1, a2)
		folder := seedFolder(t, w.env, tid, 0, "Preislisten A2")
		file := seedDownload(t, w.env, tid, "Preise A2", folder.ID, []int64{w.a2}, []byte("A2 intern"))
		open := seedDownload(t, w.env, tid, "Handbuch", 0, nil, []byte("für alle"))

		eve := w.env.Client("a.test")
		eve.Login("eve@a1.test", "eve-password-1")
		toA1 := func() {
			t.Helper()
			if r := eve.Post("/company", url.Values{"company_id": {id(w.a1)}}); r.Status != 303 {
				t.Fatalf("switch to A1: %d", r.Status)
			}
			eve.Get("/") // takes the switcher's flash
		}
		working := func(name string) bool { return strings.Contains(eve.Get("/").Body, "Sie arbeiten für "+name) }
		toA1()

		filePath, folderPath := "/downloads/files/"+id(file.ID), "/downloads/folders/"+id(folder.ID)
		r := eve.Get(filePath)
		if r.Status != 200 || !strings.Contains(r.Body, "Die Datei „Preise A2“ liegt in den Downloads von A2 GmbH.") ||
			!strings.Contains(r.Body, `action="`+filePath+`/switch"`) || strings.Contains(r.Body, "SHA-256") {
			t.Fatalf("file of the other company: %d\n%s", r.Status, r.Body)
		}
		if r := eve.Get(filePath + "/download"); r.Status != 200 || !strings.Contains(r.Body, `name="next" value="`+filePath+`/download"`) {
			t.Fatalf("download link of the other company: %d", r.Status)
		}
		if !working("A1 GmbH") {
			t.Fatalf("a GET switched the company")
		}
		if r := eve.Post(filePath+"/switch", url.Values{"company_id": {id(w.a1)}, "next": {filePath}}); r.Status != 404 {
			t.Errorf("switch naming another company: %d", r.Status)
		}
		// From a download link the switch lands on the file's page, which says so.
		r = eve.Post(filePath+"/switch", url.Values{"company_id": {id(w.a2)}, "next": {filePath + "/download"}})
		if r.Status != 303 || r.Location != filePath {
			t.Fatalf("switch: %d %q", r.Status, r.Location)
		}
		// A second click (or the question open in a second tab) opens the file.
		if r := eve.Post(filePath+"/switch", url.Values{"company_id": {id(w.a2)}, "next": {filePath}}); r.Status != 303 || r.Location != filePath {
			t.Errorf("second switch: %d %q", r.Status, r.Location)
		}
		if r := eve.Get(filePath + "/download"); r.Status != 200 || r.Body != "A2 intern" {
			t.Fatalf("download after the switch: %d %q", r.Status, r.Body)
		}
		if !working("A2 GmbH") {
			t.Errorf("the session did not switch to A2")
		}

		// A folder link asks the same way.
		toA1()
		if r := eve.Get(folderPath); r.Status != 200 || !strings.Contains(r.Body, "Der Ordner „Preislisten A2“ liegt in den Downloads von A2 GmbH.") {
			t.Fatalf("folder of the other company: %d", r.Status)
		}
		if r := eve.Post(folderPath+"/switch", url.Values{"company_id": {id(w.a2)}, "next": {folderPath}}); r.Status != 303 || r.Location != folderPath {
			t.Fatalf("folder switch: %d %q", r.Status, r.Location)
		}
		if r := eve.Get(folderPath); r.Status != 200 || !strings.Contains(r.Body, "Preise A2") || !strings.Contains(r.Body, "A2 GmbH gewechselt") {
			t.Errorf("folder after the switch: %d", r.Status)
		}
		// A file for every company opens as it is, whichever company is active.
		toA1()
		if r := eve.Get("/downloads/files/" + id(open.ID)); r.Status != 200 || strings.Contains(r.Body, "/switch") {
			t.Errorf("open file: %d", r.Status)
		}

		// Dave's access to A2 is revoked: the links stay 404, nothing switches.
		dave := w.env.Client("a.test")
		dave.Login("dave@a1.test", "dave-password")
		for _, p := range []string{filePath, filePath + "/download", folderPath} {
			if r := dave.Get(p); r.Status != 404 || strings.Contains(r.Body, "A2") {
				t.Errorf("GET %s without access to A2: %d", p, r.Status)
			}
		}
		for _, p := range []string{filePath, folderPath} {
			if r := dave.Post(p+"/switch", url.Values{"company_id": {id(w.a2)}, "next": {p}}); r.Status != 404 {
				t.Errorf("POST %s/switch without access to A2: %d", p, r.Status)
			}
		}
	})
}
