package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketStatusAfterReply: a customer's reply moves a ticket waiting for them back
// to "in progress". The history says the status changed after their reply, on the
// portal and in the back office, and never that the customer changed it; the entry
// keeps who replied. A staff change stays one by a person.
func TestTicketStatusAfterReply(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		de := i18n.For("de")
		id := h.open(t, h.acme, h.bernd, "Drucker streikt")
		h.setStatus(t, id, ticket.CodeWaiting)
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		page := "/tickets/" + itoa64(id)
		if r := bernd.PostMultipart(page+"/reply", map[string]string{"body": "Modell HP 4250."}); r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		var kind string
		var contactID, staffID int64
		if err := h.env.DB.QueryRow(context.Background(), `SELECT kind, COALESCE(contact_id, 0), COALESCE(staff_id, 0)
			FROM ticket_events WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&kind, &contactID, &staffID); err != nil {
			t.Fatal(err)
		}
		if kind != ticket.EventAfterReply || contactID != h.bernd.ID || staffID != 0 {
			t.Errorf("event %q by contact %d staff %d, want %q by Bernd", kind, contactID, staffID, ticket.EventAfterReply)
		}
		if tk := staffTicket(t, h.env, h.ten.ID, id); tk.Status.Code != ticket.CodeProgress {
			t.Errorf("status after the reply: %q", tk.Status.Code)
		}
		name := h.bernd.Name()
		r := bernd.Get(page)
		if !strings.Contains(r.Body, de.T("tickets.event.after_reply", map[string]any{"Actor": name})) ||
			strings.Contains(r.Body, de.T("tickets.event.status", map[string]any{"Actor": name})) {
			t.Errorf("portal history does not say the status changed after the reply: %.3000s", r.Body)
		}
		r = h.staffC.Get("/admin/tickets/" + itoa64(id))
		if !strings.Contains(r.Body, "Status automatisch geändert nach der Antwort des Kunden ("+name+")") ||
			strings.Contains(r.Body, name+" hat den Status von") {
			t.Errorf("staff history does not say the status changed after the reply")
		}
		// Staff moving it is a person's change, as before.
		h.setStatus(t, id, ticket.CodeWaiting)
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'status'`, id); n != 2 {
			t.Errorf("staff changes recorded as %d status events, want 2", n)
		}
	})
}

// TestTicketPageRequestAndFollowers: the portal shows "Request" only for a declined
// request, with what it means and the reason (escaped); an accepted one, which the
// status says already, shows nothing. Adding a colleague starts with nobody chosen,
// and sending the form so is refused next to the field, adding nobody.
func TestTicketPageRequestAndFollowers(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		en := i18n.For("en") // Anna's language
		carl := h.env.Contact(h.ten, "carl@acme.test", "carl-password-1", "user", h.acme)
		accepted := h.open(t, h.acme, h.bernd, "Angenommen")
		declined := h.open(t, h.acme, h.bernd, "Abgelehnt")
		for id, accept := range map[int64]bool{accepted: true, declined: false} {
			h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
				return ticket.Decide(ctx, tx, tk, accept, "Kein Vertrag <b>", by, time.Now())
			})
		}
		anna := h.portal("anna@acme.test", "anna-password-1")
		if r := anna.Get("/tickets/" + itoa64(accepted)); r.Status != 200 || strings.Contains(r.Body, "<dt>"+en.T("tickets.request")+"</dt>") {
			t.Errorf("accepted request shows the request row: %d", r.Status)
		}
		r := anna.Get("/tickets/" + itoa64(declined))
		if !strings.Contains(r.Body, "<dt>"+en.T("tickets.request")+"</dt>") || !strings.Contains(r.Body, en.T("portal_qa.request_declined_note")) ||
			!strings.Contains(r.Body, "Reason: Kein Vertrag &lt;b&gt;") {
			t.Errorf("declined request without its explanation and reason: %.3000s", r.Body)
		}

		page := "/tickets/" + itoa64(accepted)
		r = anna.Get(page)
		choose := `<select id="f-follower" name="contact_id" required><option value="">` + en.T("portal_qa.follower_choose") + `</option> <option value="` + itoa64(carl.ID) + `">`
		if !strings.Contains(r.Body, choose) || !strings.Contains(r.Body, en.T("tickets.follower_add_label")) {
			i := strings.Index(r.Body, `id="f-follower"`)
			t.Errorf("colleague select does not start with nobody chosen: %.600s", r.Body[max(0, i-100):])
		}
		followers := func() int {
			return count(t, h.env, `SELECT COUNT(*) FROM ticket_followers WHERE ticket_id = ?`, accepted)
		}
		r = anna.Post(page+"/followers", url.Values{"contact_id": {""}})
		if r.Status != 422 || !strings.Contains(r.Body, `<p class="error-msg" id="e-contact_id">`+en.T("portal_qa.follower_required")+`</p>`) ||
			!strings.Contains(r.Body, `aria-invalid="true"`) || followers() != 0 {
			t.Errorf("empty choice: %d, %d followers", r.Status, followers())
		}
		if r := anna.Post(page+"/followers", url.Values{"contact_id": {itoa64(carl.ID)}}); r.Status != 303 || followers() != 1 {
			t.Errorf("add Carl: %d, %d followers", r.Status, followers())
		}
	})
}

// TestTicketFilesOnlyAndLinks: a reply of files only is a reply, from the customer and
// from staff (also an internal note); without text and files it is refused with a
// message saying either will do. The conversation shows such a message's files without
// an empty text box, and its mail names the files. Addresses in messages are links on
// both sides; other schemes and markup stay text.
func TestTicketFilesOnlyAndLinks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		de := i18n.For("de") // Bernd's and the admin's language
		id := h.open(t, h.acme, h.bernd, "Drucker streikt")
		page, admin := "/tickets/"+itoa64(id), "/admin/tickets/"+itoa64(id)
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		file := apptest.File{Field: "files", Name: "fehler.txt", Data: []byte("Fehler 49.4C02\n")}

		if r := bernd.PostMultipart(page+"/reply", map[string]string{"body": "  "}); r.Status != 422 || !strings.Contains(r.Body, de.T("portal_qa.reply_empty")) {
			t.Errorf("empty reply: %d", r.Status)
		}
		if r := bernd.PostMultipart(page+"/reply", map[string]string{"body": ""}, file); r.Status != 303 {
			t.Fatalf("reply with a file only: %d %.500s", r.Status, r.Body)
		}
		d := staffTicket(t, h.env, h.ten.ID, id)
		last := d.Messages[len(d.Messages)-1]
		if last.Body != "" || len(last.Files) != 1 || last.Files[0].Filename != "fehler.txt" {
			t.Fatalf("stored reply: %+v", last)
		}
		r := bernd.Get(page)
		if !strings.Contains(r.Body, ">fehler.txt</a>") || strings.Contains(r.Body, `<div class="message-body" dir="auto"></div>`) {
			t.Errorf("files-only message on the portal: %.3000s", r.Body)
		}

		// Staff: a note needs text or a file too; a file alone is a reply, mailed by name.
		if r := h.staffC.PostMultipart(admin+"/reply", map[string]string{"kind": "note", "body": ""}); r.Status != 422 ||
			!strings.Contains(r.Body, de.T("portal_qa.reply_empty")) {
			t.Errorf("empty note: %d", r.Status)
		}
		shot := apptest.File{Field: "files", Name: "anleitung.txt", Data: []byte("Schritt 1\n")}
		if r := h.staffC.PostMultipart(admin+"/reply", map[string]string{"kind": "reply", "body": ""}, shot); r.Status != 303 {
			t.Fatalf("staff reply with a file only: %d %.500s", r.Status, r.Body)
		}
		var mail string
		for _, m := range mailsFor(t, h.env, id) {
			if strings.HasPrefix(m, "To: bernd@acme.test\n") {
				mail = m
			}
		}
		if !strings.Contains(mail, de.T("portal_qa.mail_file", map[string]any{"Name": "anleitung.txt"})) {
			t.Errorf("mail of a files-only reply does not name the file: %s", mail)
		}
		if r := h.staffC.PostMultipart(admin+"/reply", map[string]string{"kind": "note", "body": ""}, shot); r.Status != 303 {
			t.Errorf("note with a file only: %d", r.Status)
		}

		// Links, on both sides.
		body := `Siehe https://example.com/a?b=1&c=2. Nicht javascript:alert(1) oder <script>x</script>`
		if r := bernd.PostMultipart(page+"/reply", map[string]string{"body": body}); r.Status != 303 {
			t.Fatalf("reply with a link: %d", r.Status)
		}
		link := `<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank" dir="ltr">https://example.com/a?b=1&amp;c=2</a>. Nicht javascript:alert(1) oder &lt;script&gt;x&lt;/script&gt;`
		for _, r := range []apptest.Response{bernd.Get(page), h.staffC.Get(admin)} {
			if !strings.Contains(r.Body, link) || strings.Contains(r.Body, `href="javascript`) {
				t.Errorf("message link: %.200s", r.Body)
			}
		}
	})
}
