package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestKeptFilesReplies: a contact's reply and a staff member's reply refused for a
// text too long keep their files, listed on the returned form; neither can use the
// other's kept id (it is ignored, the file stays with its owner); sent again, each
// reply carries its own file once. A reply refused because the ticket was closed
// meanwhile keeps its file in the form that reopens the ticket with it.
func TestKeptFilesReplies(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		ctx := context.Background()
		alice := k.as("alice@alpha.test", "alice-password")
		id := k.open(t, alice, "Drucker")
		portal, back := "/tickets/"+itoa64(id)+"/reply", "/admin/tickets/"+itoa64(id)+"/reply"
		admin := k.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")

		// The contact's reply with a text too long: the file is kept.
		r := alice.PostMultipartValues(portal, url.Values{"body": {tooLongReply}}, k.pdfFile("alice.pdf"))
		ids := keptListed(r.Body)
		if r.Status != 422 || len(ids) != 1 || !strings.Contains(r.Body, "Angehängt: alice.pdf (12\u00a0KB)") ||
			k.rows(t, "contact_id = ? AND company_id = ? AND ticket_id = ?", k.alice, k.a.ID, id) != 1 {
			t.Fatalf("contact's reply too long: %d, listed %v", r.Status, ids)
		}
		aliceID := ids[0]
		aliceKey := k.keyOf(t, aliceID)
		// The staff member's reply with a text too long (a plain field error, no conflict): kept.
		r = admin.PostMultipartValues(back, url.Values{"kind": {"reply"}, "body": {tooLongReply}}, k.pngFile("staff.png"))
		ids = keptListed(r.Body)
		if r.Status != 422 || len(ids) != 1 || !strings.Contains(r.Body, "Angehängt: staff.png") ||
			k.rows(t, "staff_id = ? AND ticket_id = ? AND contact_id IS NULL", k.admin.ID, id) != 1 {
			t.Fatalf("staff's reply too long: %d, listed %v", r.Status, ids)
		}
		staffID := ids[0]
		staffKey := k.keyOf(t, staffID)

		// Each sends with the other's id too: it is ignored, and so is its "Remove".
		if r := alice.PostMultipartValues(portal, url.Values{"body": {"Anbei der Bericht."}, "staged": {aliceID, staffID}, "staged_remove": {staffID}}); r.Status != 303 {
			t.Fatalf("contact's reply: %d %.400s", r.Status, r.Body)
		}
		if r := admin.PostMultipartValues(back, url.Values{"kind": {"note"}, "body": {"Foto vom Gerät."}, "staged": {staffID, aliceID}}); r.Status != 303 {
			t.Fatalf("staff's note: %d %.400s", r.Status, r.Body)
		}
		names, uses := k.attached(t, id, aliceKey)
		if strings.Join(names, ",") != "alice.pdf,staff.png" || uses != 1 || !k.stored(t, staffKey) || k.rows(t, "1 = 1") != 0 {
			t.Fatalf("the ticket carries %v, alice.pdf %d times, %d kept", names, uses, k.rows(t, "1 = 1"))
		}
		var staffUses int
		k.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_attachments a JOIN ticket_messages m ON m.id = a.message_id
			WHERE a.file_key = ? AND m.internal = ?`, staffKey, true).Scan(&staffUses)
		if staffUses != 1 {
			t.Fatalf("staff.png is not the note's attachment (%d)", staffUses)
		}

		// Closed meanwhile: the reply comes back in the form that reopens the ticket,
		// with its file kept; sending it reopens the ticket with the file.
		closed, _ := ticket.StatusByCode(ctx, k.env.DB, k.t.ID, ticket.CodeClosed)
		k.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, closed.ID, staffActor, now())
			return err
		})
		r = alice.PostMultipartValues(portal, url.Values{"body": {"Doch noch etwas."}}, k.pdfFile("spaet.pdf"))
		ids = keptListed(r.Body)
		if r.Status != 409 || !strings.Contains(r.Body, `name="reopen" value="1"`) || len(ids) != 1 || !strings.Contains(r.Body, "Angehängt: spaet.pdf") {
			t.Fatalf("reply to the closed ticket: %d, listed %v", r.Status, ids)
		}
		late := k.keyOf(t, ids[0])
		if r := alice.PostMultipartValues(portal, url.Values{"body": {"Doch noch etwas."}, "reopen": {"1"}, "staged": ids}); r.Status != 303 {
			t.Fatalf("reopen with the kept file: %d %.400s", r.Status, r.Body)
		}
		if names, uses := k.attached(t, id, late); uses != 1 || names[len(names)-1] != "spaet.pdf" {
			t.Fatalf("after reopening: %v, spaet.pdf %d times", names, uses)
		}
	})
}

// TestKeptFilesCompany: a contact of two companies keeps a file of a refused new
// ticket in one; after switching to the other the id is ignored, and back in the first
// it goes with the ticket.
func TestKeptFilesCompany(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		both := k.env.Contact(k.t, "both@alpha.test", "both-password-1", "user", k.a, k.b)
		c := k.env.Client("desk.test")
		c.Login("both@alpha.test", "both-password-1")
		use := func(co int64) {
			t.Helper()
			if r := c.Post("/company", url.Values{"company_id": {itoa64(co)}}); r.Status != 303 {
				t.Fatalf("switch to %d: %d", co, r.Status)
			}
		}
		use(k.a.ID)
		form := url.Values{"title": {""}, "body": {"Beschreibung"}, "priority": {"2"}}
		r := c.PostMultipartValues("/tickets", form, k.pdfFile("alpha.pdf"))
		ids := keptListed(r.Body)
		if r.Status != 422 || len(ids) != 1 || k.rows(t, "contact_id = ? AND company_id = ?", both.ID, k.a.ID) != 1 {
			t.Fatalf("refused in Alpha: %d, listed %v", r.Status, ids)
		}
		key := k.keyOf(t, ids[0])
		form.Set("title", "Ticket")
		form["staged"] = ids
		use(k.b.ID)
		beta := k.created(t, c.PostMultipartValues("/tickets", form))
		if names, _ := k.attached(t, beta, key); len(names) != 0 || k.rows(t, "1 = 1") != 1 {
			t.Fatalf("Beta's ticket got Alpha's kept file: %v", names)
		}
		use(k.a.ID)
		alpha := k.created(t, c.PostMultipartValues("/tickets", form))
		if names, uses := k.attached(t, alpha, key); strings.Join(names, ",") != "alpha.pdf" || uses != 1 {
			t.Fatalf("Alpha's ticket carries %v (%d)", names, uses)
		}
	})
}
