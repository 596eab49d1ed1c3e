package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestPortalNewTicketKeptFiles: Alice's new ticket is refused for an empty title; the
// file she chose is kept and listed ("Angehängt", "Entfernen") with what she typed. A
// file that itself fails the checks keeps its error and is not kept. Uwe (a colleague),
// the staff member and Alice on another ticket cannot use her kept id. Refused again
// with a new file, both are listed; "Entfernen" deletes the photo and its stored file;
// sent with a title, the ticket carries the kept file (the same stored file) once, and
// the same id again attaches nothing.
func TestPortalNewTicketKeptFiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		alice := k.as("alice@alpha.test", "alice-password")
		form := func(title string, staged, remove []string) url.Values {
			return url.Values{"title": {title}, "body": {"Der Drucker druckt nur leere Seiten."}, "priority": {"2"},
				"staged": staged, "staged_remove": remove}
		}
		r := alice.PostMultipartValues("/tickets", form("", nil, nil), k.pdfFile("bericht.pdf"))
		if r.Status != 422 {
			t.Fatalf("empty title: %d", r.Status)
		}
		for _, want := range []string{"Angehängt: bericht.pdf (12\u00a0KB)", `name="staged_remove"`, "Entfernen</label>", "Der Drucker druckt nur leere Seiten.</textarea>"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("refused form lacks %q", want)
			}
		}
		ids := keptListed(r.Body)
		if len(ids) != 1 || k.rows(t, "contact_id = ? AND company_id = ? AND ticket_id IS NULL AND staff_id IS NULL", k.alice, k.a.ID) != 1 {
			t.Fatalf("listed %v, rows %d", ids, k.rows(t, "1 = 1"))
		}
		report := ids[0]
		reportKey := k.keyOf(t, report)
		if !k.stored(t, reportKey) {
			t.Fatalf("the kept file is not in the store")
		}

		// An empty file keeps its field error and is not kept; the kept one stays listed.
		r = alice.PostMultipartValues("/tickets", form("", []string{report}, nil), apptest.File{Field: "files", Name: "leer.txt"})
		if r.Status != 422 || !strings.Contains(r.Body, "leer.txt ist leer.") || strings.Join(keptListed(r.Body), ",") != report || k.rows(t, "1 = 1") != 1 {
			t.Fatalf("empty file: %d, listed %v, %d rows", r.Status, keptListed(r.Body), k.rows(t, "1 = 1"))
		}

		// Uwe cannot use Alice's id: his ticket goes out without it, the file stays hers.
		uwe := k.as("uwe@alpha.test", "uwe-password-1")
		uweTicket := k.created(t, uwe.PostMultipartValues("/tickets", form("Uwes Ticket", []string{report}, []string{report})))
		if names, uses := k.attached(t, uweTicket, reportKey); len(names) != 0 || uses != 0 || k.rows(t, "id = ?", report) != 1 {
			t.Fatalf("Uwe used Alice's kept file: %v, %d uses", names, uses)
		}
		if !k.stored(t, reportKey) {
			t.Fatalf("Uwe's 'Remove' deleted Alice's file")
		}
		// Nor can the staff member on a ticket, nor Alice on a reply to a ticket.
		admin := k.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		if r := admin.PostMultipartValues("/admin/tickets/"+itoa64(uweTicket)+"/reply", url.Values{"kind": {"reply"}, "body": {"Danke."}, "staged": {report}}); r.Status != 303 {
			t.Fatalf("staff reply with Alice's id: %d", r.Status)
		}
		aliceTicket := k.open(t, alice, "Anderes Ticket")
		if r := alice.PostMultipartValues("/tickets/"+itoa64(aliceTicket)+"/reply", url.Values{"body": {"Nachtrag"}, "staged": {report}}); r.Status != 303 {
			t.Fatalf("Alice's reply with her new-ticket id: %d", r.Status)
		}
		for _, id := range []int64{uweTicket, aliceTicket} {
			if names, uses := k.attached(t, id, reportKey); len(names) != 0 || uses != 0 {
				t.Fatalf("ticket %d got the kept file: %v, %d uses", id, names, uses)
			}
		}

		// Refused again (title missing) with a new photo: both are listed.
		r = alice.PostMultipartValues("/tickets", form("", []string{report}, nil), k.pngFile("foto.png"))
		ids = keptListed(r.Body)
		if r.Status != 422 || len(ids) != 2 || ids[0] != report || !strings.Contains(r.Body, "Angehängt: foto.png") {
			t.Fatalf("second refusal: %d, listed %v", r.Status, ids)
		}
		photo := ids[1]
		photoKey := k.keyOf(t, photo)

		// Sent with a title and the photo removed: the ticket has the report once.
		id := k.created(t, alice.PostMultipartValues("/tickets", form("Drucker druckt leer", ids, []string{photo}), k.pdfFile("neu.pdf")))
		names, uses := k.attached(t, id, reportKey)
		if strings.Join(names, ",") != "bericht.pdf,neu.pdf" || uses != 1 {
			t.Fatalf("the ticket carries %v, the report attached %d times", names, uses)
		}
		if k.rows(t, "contact_id = ?", k.alice) != 0 || k.stored(t, photoKey) || !k.stored(t, reportKey) {
			t.Fatalf("after sending: %d kept, photo stored %v, report stored %v", k.rows(t, "contact_id = ?", k.alice), k.stored(t, photoKey), k.stored(t, reportKey))
		}
		if b := alice.Get("/tickets/" + itoa64(id)).Body; !strings.Contains(b, "bericht.pdf") || strings.Contains(b, "foto.png") {
			t.Fatalf("the ticket page does not show bericht.pdf alone")
		}
		// The same ids again attach nothing twice, and the page says so.
		again := k.created(t, alice.PostMultipartValues("/tickets", form("Noch ein Ticket", []string{report}, nil)))
		if _, uses := k.attached(t, again, reportKey); uses != 1 {
			t.Fatalf("the report is attached %d times", uses)
		}
		if b := alice.Get("/tickets/" + itoa64(again)).Body; !strings.Contains(b, "1 aufgeführter Anhang war nicht mehr vorhanden") {
			t.Errorf("no word that the listed file was not sent")
		}

		// Not sent within a day: the janitor deletes a contact's kept file too.
		r = alice.PostMultipartValues("/tickets", form("", nil, nil), k.pdfFile("alt.pdf"))
		oldKey := k.keyOf(t, keptListed(r.Body)[0])
		if _, err := k.env.DB.Exec(context.Background(), `UPDATE staged_uploads SET created_at = created_at - ?`, int64(25*time.Hour/time.Second)); err != nil {
			t.Fatal(err)
		}
		k.env.App.Sweep(context.Background(), time.Now())
		if k.rows(t, "1 = 1") != 0 || k.stored(t, oldKey) {
			t.Fatalf("after a day: %d kept, file stored %v", k.rows(t, "1 = 1"), k.stored(t, oldKey))
		}
	})
}

// created reads the new ticket's id from the answer to its form.
func (k *keptDesk) created(t *testing.T, r apptest.Response) int64 {
	t.Helper()
	if r.Status != 303 || !strings.HasPrefix(r.Location, "/tickets/") {
		t.Fatalf("create ticket: %d %q %.400s", r.Status, r.Location, r.Body)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(r.Location, "/tickets/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
