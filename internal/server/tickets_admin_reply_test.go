package server_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsAdminReplyAndNote: a public reply is mailed to the contact and followers
// with its text; an internal note (with a file and a status change) is mailed to
// nobody, is in no mail at all, and the contact's view has neither the note nor its
// file, while staff see it marked as internal and can download every file.
func TestTicketsAdminReplyAndNote(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		id := h.open(t, h.acme, h.anna, "Printer jams", withFile(h.env, "photo.png", "\x89PNG\r\n\x1a\nnot really"))
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.Follow(ctx, tx, tk, h.bernd.ID, "Anna", h.anna.ID, 0, time.Now())
		})
		path := "/admin/tickets/" + itoa64(id)
		r := h.staffC.Get(path)
		if r.Status != 200 || !strings.Contains(r.Body, "Printer jams") || !strings.Contains(r.Body, "Body of Printer jams") ||
			!strings.Contains(r.Body, `href="/admin/companies/`+itoa64(h.acme.ID)+`"`) || !strings.Contains(r.Body, "bernd@acme.test") {
			t.Fatalf("ticket page: %d %.500s", r.Status, r.Body)
		}

		// A public reply with an attachment whose name needs encoding.
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Public answer: please restart."},
			apptest.File{Field: "files", Name: "Bericht ä;1.txt", Data: []byte("report text")})
		if r.Status != 303 || r.Location != path {
			t.Fatalf("reply: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		mails := strings.Join(mailsFor(t, h.env, id), "\n----\n")
		for _, to := range []string{"To: anna@acme.test", "To: bernd@acme.test"} {
			if !strings.Contains(mails, to) {
				t.Errorf("reply not mailed: %s", to)
			}
		}
		if !strings.Contains(mails, "Public answer: please restart.") {
			t.Errorf("reply text not in the mail:\n%s", mails)
		}
		before := len(mailsFor(t, h.env, id))

		// An internal note with a file and a status change in the same form.
		waiting := statusID(t, h.env, h.ten.ID, ticket.CodeWaiting)
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "note", "body": "SECRET-NOTE customer owes us money",
			"status": itoa64(waiting)}, apptest.File{Field: "files", Name: "secret.txt", Data: []byte("SECRET-FILE")})
		if r.Status != 303 {
			t.Fatalf("note: %d %.300s", r.Status, r.Body)
		}
		if all := allMailText(t, h.env); strings.Contains(all, "SECRET-NOTE") || strings.Contains(all, "SECRET-FILE") {
			t.Errorf("an internal note reached a mail")
		}
		after := mailsFor(t, h.env, id)
		if len(after) != before+2 { // the status change alone: anna and bernd
			t.Errorf("mails after the note: %d, want %d", len(after), before+2)
		}
		d := staffTicket(t, h.env, h.ten.ID, id)
		if d.Status.ID != waiting || len(d.Messages) != 3 || !d.Messages[2].Internal || d.Messages[2].StaffID != h.admin.ID {
			t.Fatalf("after note: status %d, %d messages", d.Status.ID, len(d.Messages))
		}
		noteFile, replyFile := d.Messages[2].Files[0], d.Messages[1].Files[0]

		// The contact's view: no note, no note file; the public file is there.
		p := principal.Contact{TenantID: h.ten.ID, ContactID: h.anna.ID, CompanyID: h.acme.ID, Role: principal.RoleMain}
		tk, err := ticket.ForContact(ctx, h.env.DB, p, id)
		if err != nil {
			t.Fatal(err)
		}
		cd, err := ticket.Load(ctx, h.env.DB, tk, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cd.Messages {
			if m.Internal || strings.Contains(m.Body, "SECRET") {
				t.Errorf("contact sees the internal note")
			}
		}
		if len(cd.Messages) != 2 {
			t.Errorf("contact sees %d messages, want 2", len(cd.Messages))
		}
		if _, err := ticket.AttachmentOf(ctx, h.env.DB, tk, noteFile.ID, false); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("contact can fetch the note's file: %v", err)
		}
		if _, err := ticket.AttachmentOf(ctx, h.env.DB, tk, replyFile.ID, false); err != nil {
			t.Errorf("contact cannot fetch the reply's file: %v", err)
		}

		// Staff see the note marked, and download both files as attachments.
		r = h.staffC.Get(path)
		if !strings.Contains(r.Body, "SECRET-NOTE") || !strings.Contains(r.Body, `class="message from-staff internal"`) ||
			!strings.Contains(r.Body, "Interne Notiz") {
			t.Errorf("staff page does not mark the internal note")
		}
		r = h.staffC.Get(path + "/files/" + itoa64(replyFile.ID))
		cdisp := r.Header.Get("Content-Disposition")
		if r.Status != 200 || r.Body != "report text" || r.Header.Get("X-Content-Type-Options") != "nosniff" ||
			!strings.HasPrefix(cdisp, "attachment;") || !strings.Contains(cdisp, `filename*=UTF-8''Bericht%20%C3%A4%3B1.txt`) {
			t.Errorf("download: %d %q %q", r.Status, r.Body, cdisp)
		}
		if r := h.staffC.Get(path + "/files/" + itoa64(noteFile.ID)); r.Status != 200 || r.Body != "SECRET-FILE" {
			t.Errorf("staff download of the note's file: %d", r.Status)
		}
		// A file of another ticket through this ticket's address is not found.
		other := h.open(t, h.beta, h.clara, "Other", withFile(h.env, "x.txt", "OTHER"))
		od := staffTicket(t, h.env, h.ten.ID, other)
		if r := h.staffC.Get(path + "/files/" + itoa64(od.Messages[0].Files[0].ID)); r.Status != 404 {
			t.Errorf("another ticket's file via this ticket: %d", r.Status)
		}
	})
}

// TestTicketsAdminReplyInput: an empty message, a file over the tenant's limit, a
// status that is no choice and a body that is no form are refused with 422 and the
// text kept; nothing is added.
func TestTicketsAdminReplyInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Printer jams")
		path := "/admin/tickets/" + itoa64(id)
		if err := tenant.SetTicketRules(context.Background(), h.env.DB, h.ten.ID, tenant.TicketRules{UploadLimitMB: 1}); err != nil {
			t.Fatal(err)
		}
		big := make([]byte, 1<<20+1)
		cases := []struct {
			name   string
			fields map[string]string
			files  []apptest.File
			want   string
		}{
			{"empty", map[string]string{"kind": "note", "body": "  "}, nil, "Bitte"},
			{"too large", map[string]string{"kind": "reply", "body": "KEEP-THIS text"}, []apptest.File{{Field: "files", Name: "big.bin", Data: big}}, "big.bin"},
			{"status", map[string]string{"kind": "reply", "body": "KEEP-THIS text", "status": "abc"}, nil, "Bitte wählen Sie einen Status"},
			{"too long", map[string]string{"body": strings.Repeat("x", 20001)}, nil, "20.000"},
		}
		for _, c := range cases {
			r := h.staffC.PostMultipart(path+"/reply", c.fields, c.files...)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) {
				t.Errorf("%s: %d, want 422 with %q: %.300s", c.name, r.Status, c.want, r.Body)
			}
			if strings.Contains(c.fields["body"], "KEEP-THIS") && !strings.Contains(r.Body, "KEEP-THIS text") {
				t.Errorf("%s: the text was not kept", c.name)
			}
		}
		if r := h.staffC.Post(path+"/reply", nil); r.Status != 422 {
			t.Errorf("not multipart: %d", r.Status)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, id); n != 1 {
			t.Errorf("%d messages after refused replies", n)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_attachments`); n != 0 {
			t.Errorf("%d attachments after refused replies", n)
		}
	})
}
