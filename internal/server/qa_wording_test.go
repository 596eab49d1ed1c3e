package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadFileKind: a customer's file page names the file's kind ("PDF-Dokument")
// instead of its media type, and keeps the SHA-256 checksum in a folded detail rather
// than as a row of hex among the file's details. The search's placeholder is short.
func TestDownloadFileKind(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var tid int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&tid)
		pdf := seedDownload(t, w.env, tid, "Preisliste", 0, nil, []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"))
		txt := seedDownload(t, w.env, tid, "Liesmich", 0, nil, []byte("nur Text\n"))
		c := w.env.Client("a.test")
		c.Login("alice@a1.test", "alice-password")

		for _, f := range []struct {
			id         int64
			kind, mime string
		}{{pdf.ID, "PDF-Dokument", "application/pdf"}, {txt.ID, "Textdatei", "text/plain"}} {
			r := c.Get("/downloads/files/" + id(f.id))
			if r.Status != 200 {
				t.Fatalf("file page: %d", r.Status)
			}
			body := html.UnescapeString(r.Body)
			if !strings.Contains(body, "<dd>"+f.kind+"</dd>") || strings.Contains(body, "<dd>"+f.mime) {
				t.Errorf("file %d: kind %q not shown instead of %s", f.id, f.kind, f.mime)
			}
			_, folded, ok := strings.Cut(body, `<details class="checksum"><summary>Prüfsumme (SHA-256)</summary>`)
			if !ok || !strings.Contains(folded[:strings.Index(folded, "</details>")], "<code dir=\"ltr\">") ||
				strings.Contains(body, "<dt>SHA-256</dt>") {
				t.Errorf("file %d: the checksum is not folded away", f.id)
			}
		}
		if list := c.Get("/downloads").Body; !strings.Contains(list, `placeholder="Titel, Dateiname, Typ oder Ordner"`) {
			t.Errorf("search placeholder")
		}
	})
}

// TestPortalWording: the new-ticket form's file hint says what to do, not how refused
// forms keep files (the error message says that when it happens), in every language;
// the English account page calls a sign-in a sign-in.
func TestPortalWording(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "ich@kunde.test", "my-password-1", "main", co)
		env.Client("").Post("/login", url.Values{"email": {"ich@kunde.test"}, "password": {"wrong-password"}})
		c := env.Client("")
		c.Login("ich@kunde.test", "my-password-1")
		form := html.UnescapeString(c.Get("/tickets/new").Body)
		if !strings.Contains(form, "Dateien auswählen oder hier ablegen") || strings.Contains(form, "anderen Feld") {
			t.Errorf("file hint on the new-ticket form")
		}
		if _, err := env.DB.Exec(context.Background(), `UPDATE contacts SET language = 'en' WHERE id = ?`, ct.ID); err != nil {
			t.Fatal(err)
		}
		page := c.Get("/account").Body
		if !strings.Contains(page, ">Sign-in<") || !strings.Contains(page, "Sign in failed") || strings.Contains(page, ">Login") {
			t.Errorf("English security events do not say sign-in")
		}
	})
}
