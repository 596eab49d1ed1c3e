package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestFolderSwitchNamesFolderInReadersLanguage: a contact of A1 and A2 working for A1
// opens a folder link of A2; the question to switch names the folder as the portal
// shows it to them — its French name for a contact reading French, its own name for
// one reading German — and names nothing for a contact without access to A2.
func TestFolderSwitchNamesFolderInReadersLanguage(t *testing.T) {
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
		folder := seedFolder(t, w.env, tid, 0, "Preislisten A2")
		seedDownload(t, w.env, tid, "Preise A2", folder.ID, []int64{w.a2}, []byte("A2 intern"))
		if _, err := download.SaveFolderNames(ctx, w.env.DB, tid, folder.ID, map[string]string{"fr": "Listes de prix A2"}); err != nil {
			t.Fatal(err)
		}
		folderPath := "/downloads/folders/" + id(folder.ID)
		ask := func(email, lang string) string {
			t.Helper()
			ct := w.env.Contact(ta, email, "both-password-1", "user", a1, a2)
			if err := contact.SetLanguage(ctx, w.env.DB, tid, ct.ID, lang); err != nil {
				t.Fatal(err)
			}
			c := w.env.Client("a.test")
			c.Login(email, "both-password-1")
			if r := c.Post("/company", url.Values{"company_id": {id(w.a1)}}); r.Status != 303 {
				t.Fatalf("switch to A1: %d", r.Status)
			}
			c.Get("/") // takes the switcher's flash
			r := c.Get(folderPath)
			if r.Status != 200 || !strings.Contains(r.Body, `action="`+folderPath+`/switch"`) {
				t.Fatalf("%s: folder of the other company: %d", lang, r.Status)
			}
			return r.Body
		}
		if b := ask("fleur@a1.test", "fr"); !strings.Contains(b, "Le dossier «\u00a0Listes de prix A2\u00a0» se trouve dans les téléchargements de A2 GmbH.") ||
			strings.Contains(b, "Preislisten A2") {
			t.Errorf("the French question does not name the French folder name")
		}
		if b := ask("gerd@a1.test", "de"); !strings.Contains(b, "Der Ordner „Preislisten A2“ liegt in den Downloads von A2 GmbH.") ||
			strings.Contains(b, "Listes de prix") {
			t.Errorf("the German question does not name the folder's own name")
		}
		dave := w.env.Client("a.test") // revoked from A2
		dave.Login("dave@a1.test", "dave-password")
		if r := dave.Get(folderPath); r.Status != 404 || strings.Contains(r.Body, "Listes de prix") || strings.Contains(r.Body, "Preislisten") {
			t.Errorf("without access to A2: %d", r.Status)
		}
	})
}
