package server_test

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// reopenEvents counts the ticket's "reopened" history entries.
func reopenEvents(t *testing.T, h *helpdesk, id int64) int64 {
	t.Helper()
	return countOf(t, h.env, `SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'reopened'`, id)
}

// TestReopenCardRefused: the reopen card (reopen=1 with a message) is refused with a
// word why, and changes nothing, when a follower sends it (only the opener and main
// contacts reopen), when the ticket is billed, and when the provider forbids
// reopening; the typed message comes back.
func TestReopenCardRefused(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.askRatings(t, false) // reopening allowed
		card := map[string]string{"reopen": "1", "body": "Geht wieder nicht."}
		// A follower of anna's ticket.
		id := h.open(t, h.acme, h.anna, "Drucker streikt")
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.Follow(ctx, tx, tk, h.bernd.ID, "Anna", h.anna.ID, 0, tk.CreatedAt)
		})
		h.setStatus(t, id, "resolved")
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		path := "/tickets/" + itoa64(id)
		before := len(staffTicket(t, h.env, h.ten.ID, id).Messages)
		r := bernd.PostMultipart(path+"/reply", card)
		if r.Status != 409 || !strings.Contains(r.Body, deMsg("tickets.error.no_reopen")) {
			t.Errorf("follower's reopen card: %d, want 409 with the reason", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); !d.Done() || len(d.Messages) != before || reopenEvents(t, h, id) != 0 {
			t.Errorf("follower's reopen card changed the ticket: done %v, %d messages", d.Done(), len(d.Messages))
		}

		// A billed ticket, by its opener.
		billed := h.open(t, h.acme, h.bernd, "Abgerechnet")
		h.setStatus(t, billed, "resolved")
		if _, err := h.env.DB.Exec(context.Background(), `UPDATE tickets SET billed = TRUE WHERE id = ?`, billed); err != nil {
			t.Fatal(err)
		}
		r = bernd.PostMultipart("/tickets/"+itoa64(billed)+"/reply", card)
		if r.Status != 409 || !strings.Contains(r.Body, deMsg("tickets.error.billed")) || !strings.Contains(r.Body, "Geht wieder nicht.") {
			t.Errorf("reopen card of a billed ticket: %d, want 409 with the reason and the message kept", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, billed); !d.Done() || len(d.Messages) != 1 || reopenEvents(t, h, billed) != 0 {
			t.Errorf("billed ticket changed: done %v, %d messages", d.Done(), len(d.Messages))
		}

		// Reopening forbidden by the provider, the opener asking.
		if r := h.staffC.Post("/admin/settings/helpdesk", url.Values{"upload_mb": {"20"}}); r.Status != 303 {
			t.Fatalf("helpdesk settings: %d", r.Status)
		}
		if rules, _ := tenant.GetTicketRules(context.Background(), h.env.DB, h.ten.ID); rules.Reopen {
			t.Fatal("reopening still allowed")
		}
		own := h.open(t, h.acme, h.bernd, "Eigenes Ticket")
		h.setStatus(t, own, "resolved")
		r = bernd.PostMultipart("/tickets/"+itoa64(own)+"/reply", card)
		if r.Status != 409 || !strings.Contains(r.Body, deMsg("tickets.error.no_reopen")) {
			t.Errorf("reopen card while reopening is forbidden: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, own); !d.Done() || len(d.Messages) != 1 || reopenEvents(t, h, own) != 0 {
			t.Errorf("forbidden reopen changed the ticket: done %v, %d messages", d.Done(), len(d.Messages))
		}
	})
}

// TestReopenCardSentTwice: the reopen card sent twice (a double click: at the same
// time, or the second after the first) reopens the ticket once, posts its message
// once and mails the follower once; without a message, one reopen and one status
// mail, and the second submit is not refused as an empty reply.
func TestReopenCardSentTwice(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.askRatings(t, false) // reopening allowed
		id := h.open(t, h.acme, h.anna, "Drucker streikt")
		h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.Follow(ctx, tx, tk, h.bernd.ID, "Anna", h.anna.ID, 0, tk.CreatedAt)
		})
		path := "/tickets/" + itoa64(id) + "/reply"
		anna, anna2 := h.portal("anna@acme.test", "anna-password-1"), h.portal("anna@acme.test", "anna-password-1")
		toBernd := func() int64 {
			return countOf(t, h.env, `SELECT COUNT(*) FROM mails WHERE ticket_id = ? AND to_addr = 'bernd@acme.test'`, id)
		}
		twice := func(fields map[string]string, together bool) {
			t.Helper()
			var wg sync.WaitGroup
			status := make([]int, 2)
			for i, c := range []*apptest.Client{anna, anna2} {
				send := func() { status[i] = c.PostMultipart(path, fields).Status }
				if !together {
					send()
					continue
				}
				wg.Add(1)
				go func() { defer wg.Done(); send() }()
			}
			wg.Wait()
			if status[0] != 303 || status[1] != 303 {
				t.Errorf("sent twice: %v, want both answered as done", status)
			}
		}
		for _, together := range []bool{true, false} {
			h.setStatus(t, id, "resolved")
			msgs, events, mails := len(staffTicket(t, h.env, h.ten.ID, id).Messages), reopenEvents(t, h, id), toBernd()
			body := "Wieder kaputt."
			if together {
				body = "Wieder kaputt, gleichzeitig."
			}
			twice(map[string]string{"reopen": "1", "body": body}, together)
			d := staffTicket(t, h.env, h.ten.ID, id)
			if d.Done() || len(d.Messages) != msgs+1 || reopenEvents(t, h, id) != events+1 || toBernd() != mails+1 {
				t.Errorf("with a message, together %v: done %v, %d new messages, %d reopens, %d mails; want one each",
					together, d.Done(), len(d.Messages)-msgs, reopenEvents(t, h, id)-events, toBernd()-mails)
			}

			h.setStatus(t, id, "resolved")
			msgs, events, mails = len(staffTicket(t, h.env, h.ten.ID, id).Messages), reopenEvents(t, h, id), toBernd()
			twice(map[string]string{"reopen": "1", "body": ""}, together)
			d = staffTicket(t, h.env, h.ten.ID, id)
			if d.Done() || len(d.Messages) != msgs || reopenEvents(t, h, id) != events+1 || toBernd() != mails+1 {
				t.Errorf("without a message, together %v: done %v, %d new messages, %d reopens, %d mails; want 0, 1, 1",
					together, d.Done(), len(d.Messages)-msgs, reopenEvents(t, h, id)-events, toBernd()-mails)
			}
		}

		// Reopened by staff meanwhile: the card's message is a reply like any other.
		h.setStatus(t, id, "resolved")
		h.setStatus(t, id, ticket.CodeProgress)
		msgs := len(staffTicket(t, h.env, h.ten.ID, id).Messages)
		if r := anna.PostMultipart(path, map[string]string{"reopen": "1", "body": "Noch eine Frage."}); r.Status != 303 {
			t.Fatalf("card after staff reopened: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); len(d.Messages) != msgs+1 || d.Messages[len(d.Messages)-1].Body != "Noch eine Frage." {
			t.Errorf("the card's message after staff reopened the ticket was not posted")
		}
		// A plain reply with neither text nor file is still refused.
		if r := anna.PostMultipart(path, map[string]string{"body": ""}); r.Status != 422 {
			t.Errorf("empty reply: %d", r.Status)
		}
	})
}

// TestReopenCardNotARepeat: the reopen card counts as sent twice only when its text is
// the contact's latest message and no status changed after it. A card with a new file
// after a files-only reply, and a card repeating an old text after the ticket was
// resolved and reopened by staff, are new messages: posted, files kept.
func TestReopenCardNotARepeat(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.askRatings(t, false) // reopening allowed
		id := h.open(t, h.acme, h.bernd, "Drucker streikt")
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		path := "/tickets/" + itoa64(id) + "/reply"
		shot := func(name string) apptest.File { return apptest.File{Field: "files", Name: name, Data: pngImage(t)} }
		if r := bernd.PostMultipart(path, map[string]string{"body": ""}, shot("vorher.png")); r.Status != 303 {
			t.Fatalf("files-only reply: %d %.300s", r.Status, r.Body)
		}
		h.setStatus(t, id, "resolved")
		h.setStatus(t, id, ticket.CodeProgress) // reopened by staff
		msgs := len(staffTicket(t, h.env, h.ten.ID, id).Messages)
		if r := bernd.PostMultipart(path, map[string]string{"reopen": "1", "body": ""}, shot("nachher.png")); r.Status != 303 {
			t.Fatalf("card with a new file: %d", r.Status)
		}
		d := staffTicket(t, h.env, h.ten.ID, id)
		if len(d.Messages) != msgs+1 || len(d.Messages[len(d.Messages)-1].Files) != 1 || d.Messages[len(d.Messages)-1].Files[0].Filename != "nachher.png" {
			t.Fatalf("the card's new file was not posted: %d new messages", len(d.Messages)-msgs)
		}

		// The same words as an older message, with a resolve and a reopen since.
		if r := bernd.PostMultipart(path, map[string]string{"body": "Geht wieder nicht."}); r.Status != 303 {
			t.Fatalf("reply: %d", r.Status)
		}
		// Older than the store's guard looks back (ticket.RepeatWindow), as are the
		// status changes that follow it.
		if _, err := h.env.DB.Exec(context.Background(), `UPDATE ticket_messages SET created_at = created_at - 600 WHERE ticket_id = ?`, id); err != nil {
			t.Fatal(err)
		}
		h.setStatus(t, id, "resolved")
		h.setStatus(t, id, ticket.CodeProgress)
		msgs = len(staffTicket(t, h.env, h.ten.ID, id).Messages)
		if r := bernd.PostMultipart(path, map[string]string{"reopen": "1", "body": "Geht wieder nicht."}); r.Status != 303 {
			t.Fatalf("card with an old text: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); len(d.Messages) != msgs+1 {
			t.Errorf("the card repeating an older text was dropped: %d new messages", len(d.Messages)-msgs)
		}
	})
}
