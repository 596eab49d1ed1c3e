package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsAdminReplyWithStatus: a public reply that also changes the status reaches
// the contact as one mail naming both (not a reply mail and a status mail); with a
// status the portal hides, the mail is the plain reply and never names that status.
func TestTicketsAdminReplyWithStatus(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Printer jams")
		path := "/admin/tickets/" + itoa64(id)
		before := len(mailsFor(t, h.env, id))

		waiting, err := ticket.StatusByCode(context.Background(), h.env.DB, h.ten.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		r := h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Please send a photo.",
			"status": itoa64(waiting.ID)})
		if r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		mails := mailsFor(t, h.env, id)[before:]
		if len(mails) != 1 {
			t.Fatalf("reply with status sent %d mails, want one:\n%s", len(mails), strings.Join(mails, "\n----\n"))
		}
		label := ticket.StatusLabel(i18n.For("en"), waiting)
		if m := mails[0]; !strings.Contains(m, "To: anna@acme.test") || !strings.Contains(m, "Please send a photo.") ||
			!strings.Contains(m, "New status: "+label) { // the agent's mail, the status a footer line
			t.Errorf("combined mail:\n%s", m)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.Status.ID != waiting.ID {
			t.Errorf("status %d, want %d", d.Status.ID, waiting.ID)
		}

		// A hand-edited status id the tenant does not have: 422 with the message at the
		// status field and the text kept, nothing sent.
		before = len(mailsFor(t, h.env, id))
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Typed answer stays.",
			"status": "999999"})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte wählen Sie einen Status") ||
			!strings.Contains(r.Body, "Typed answer stays.") || len(mailsFor(t, h.env, id)) != before {
			t.Errorf("unknown status in a reply: %d %.300s", r.Status, r.Body)
		}

		// A status staff keep to themselves: the reply is mailed, its status is not.
		progress, err := ticket.StatusByCode(context.Background(), h.env.DB, h.ten.ID, ticket.CodeProgress)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.env.DB.Exec(context.Background(), `UPDATE ticket_statuses SET name = 'Intern: Eskalation',
			portal_visible = ? WHERE id = ?`, false, progress.ID); err != nil {
			t.Fatal(err)
		}
		before = len(mailsFor(t, h.env, id))
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "We are on it.",
			"status": itoa64(progress.ID)})
		if r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		mails = mailsFor(t, h.env, id)[before:]
		if len(mails) != 1 || !strings.Contains(mails[0], "We are on it.") || strings.Contains(mails[0], "Eskalation") ||
			strings.Contains(mails[0], "New status") {
			t.Errorf("reply with a hidden status:\n%s", strings.Join(mails, "\n----\n"))
		}
	})
}
