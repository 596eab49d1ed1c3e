package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestKeptFilesTextModule: inserting a text module without script keeps the files the
// reply form carries, as a refused send does (web/kept_files.go): a file chosen
// before "Insert" comes back listed, with the module appended to the text and no word
// of choosing files again; a second insert adds a newly chosen file to the kept one,
// also when no module was chosen; "Remove" drops one (row and stored file); sending
// attaches the rest once. A reply refused because the contact answered meanwhile
// keeps its file too, and the page says so without a sentence to the contrary.
func TestKeptFilesTextModule(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		alice := k.as("alice@alpha.test", "alice-password")
		id := k.open(t, alice, "Drucker")
		path := "/admin/tickets/" + itoa64(id)
		admin := k.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		if r := admin.Post("/admin/text-modules", moduleForm("Gruß", "gruss", "", "Viele Grüße", true)); r.Status != 303 {
			t.Fatalf("create module: %d %.300s", r.Status, extractErrors(r.Body))
		}
		var mod int64
		if err := k.env.DB.QueryRow(context.Background(), `SELECT id FROM text_modules WHERE tenant_id = ?`, k.t.ID).Scan(&mod); err != nil {
			t.Fatal(err)
		}
		mine := func(n int) bool {
			t.Helper()
			return k.rows(t, "staff_id = ? AND ticket_id = ?", k.admin.ID, id) == n
		}
		const again = "erneut" // "choose the files again": they are kept and listed instead

		// "Insert" with a file chosen: the module is appended, the file is kept.
		r := admin.PostMultipartValues(path+"/text-modules", url.Values{"kind": {"reply"}, "body": {"Anbei der Bericht."}, "module": {itoa64(mod)}},
			k.pdfFile("bericht.pdf"))
		ids := keptListed(r.Body)
		if r.Status != 200 || len(ids) != 1 || !mine(1) || !strings.Contains(r.Body, "Angehängt: bericht.pdf (12\u00a0KB)") ||
			!strings.Contains(html.UnescapeString(r.Body), ">Anbei der Bericht.\n\nViele Grüße</textarea>") {
			t.Fatalf("insert with a file: %d, listed %v, text %q", r.Status, ids, between(html.UnescapeString(r.Body), `id="f-body"`, "</textarea>"))
		}
		if !strings.Contains(r.Body, "Der Textbaustein wurde an Ihren Text angefügt.") || strings.Contains(r.Body, again) {
			t.Errorf("after inserting, the page does not say so (or says to choose the files again)")
		}
		report := ids[0]
		reportKey := k.keyOf(t, report)

		// No module chosen, a second file: said so, both files listed.
		r = admin.PostMultipartValues(path+"/text-modules", url.Values{"kind": {"reply"}, "body": {"Text"}, "staged": {report}},
			k.pngFile("foto.png"))
		ids = keptListed(r.Body)
		if r.Status != 422 || len(ids) != 2 || ids[0] != report || !mine(2) || !strings.Contains(r.Body, "Bitte wählen Sie einen Textbaustein") ||
			!strings.Contains(r.Body, "Angehängt: foto.png") {
			t.Fatalf("insert without a module: %d, listed %v", r.Status, ids)
		}
		photo, photoKey := ids[1], k.keyOf(t, ids[1])

		// "Remove" ticked on the photo, then "Insert": it is gone, the report stays.
		r = admin.PostMultipartValues(path+"/text-modules", url.Values{"kind": {"reply"}, "body": {"Text"}, "module": {itoa64(mod)},
			"staged": {report, photo}, "staged_remove": {photo}})
		ids = keptListed(r.Body)
		if r.Status != 200 || len(ids) != 1 || ids[0] != report || !mine(1) || k.stored(t, photoKey) || strings.Contains(r.Body, "foto.png") {
			t.Fatalf("insert after removing the photo: %d, listed %v, photo stored %v", r.Status, ids, k.stored(t, photoKey))
		}

		// Sent: the ticket carries the report once, nothing stays kept.
		if r := admin.PostMultipartValues(path+"/reply", url.Values{"kind": {"reply"}, "body": {"Anbei der Bericht."}, "staged": ids}); r.Status != 303 {
			t.Fatalf("send: %d %.400s", r.Status, extractErrors(r.Body))
		}
		if names, uses := k.attached(t, id, reportKey); !strings.Contains(strings.Join(names, ","), "bericht.pdf") || uses != 1 || !mine(0) {
			t.Fatalf("the ticket carries %v, bericht.pdf %d times, %d kept", names, uses, k.rows(t, "1 = 1"))
		}

		// The contact answers while staff write: the refused reply keeps its file and
		// the page says so, with no sentence saying to choose files again.
		m := seenRE.FindStringSubmatch(admin.Get(path).Body)
		if m == nil {
			t.Fatal("no mark on the ticket page")
		}
		if r := alice.PostMultipartValues("/tickets/"+itoa64(id)+"/reply", url.Values{"body": {"Noch eine Frage."}}); r.Status != 303 {
			t.Fatalf("contact's reply: %d", r.Status)
		}
		r = admin.PostMultipartValues(path+"/reply", url.Values{"kind": {"reply"}, "body": {"Zweite Antwort"}, "seen_msg": {m[1]}, "seen_event": {m[2]}},
			k.pdfFile("zweiter.pdf"))
		if r.Status != 409 || len(keptListed(r.Body)) != 1 || !strings.Contains(r.Body, "Ihre Anhänge bleiben erhalten") ||
			strings.Contains(r.Body, again) {
			t.Fatalf("conflict page: %d, listed %v, says to choose again %v", r.Status, keptListed(r.Body), strings.Contains(r.Body, again))
		}
	})
}
