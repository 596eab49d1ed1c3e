package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketDeleteCancelsUnsentMail: deleting a ticket cancels its mails that have not
// gone out (one waiting for its next try), and only those: a delivered mail stays
// delivered. The confirmation says so beforehand; the outbox shows the mail as
// cancelled with the reason, offers no retry and refuses one; the state filter finds it;
// the delivery job is done, so no worker sends it later.
func TestTicketDeleteCancelsUnsentMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env, ctx := h.env, context.Background()
		spam := h.open(t, h.acme, h.anna, "Spam offer")
		var sent, waiting int64
		h.change(t, spam, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			var err error
			for _, m := range []struct {
				id      *int64
				subject string
			}{{&sent, "[#1] went out"}, {&waiting, "[#1] still waiting"}} {
				if *m.id, err = outbox.Queue(ctx, tx, h.ten.ID, mail.Message{To: "anna@acme.test", Subject: m.subject, Text: "x"}, tk.CreatedAt); err != nil {
					return err
				}
				if err := outbox.ForTicket(ctx, tx, h.ten.ID, *m.id, tk.ID); err != nil {
					return err
				}
			}
			// Before the commit, so no worker takes them: one delivered, one due in an hour
			// (as after a failed try).
			if _, err := tx.Exec(ctx, `UPDATE mails SET state = 'sent', sent_at = ? WHERE id = ?`, tk.CreatedAt.Unix(), sent); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'done' WHERE kind = 'mail' AND ref_id = ?`, sent); err != nil {
				return err
			}
			_, err = tx.Exec(ctx, `UPDATE jobs SET run_at = ?, attempts = 1, last_error = 'refused' WHERE kind = 'mail' AND ref_id = ?`,
				time.Now().Add(time.Hour).Unix(), waiting)
			return err
		})
		de := i18n.For("de")
		if b := h.staffC.Get("/admin/tickets/" + itoa64(spam) + "/delete").Body; !strings.Contains(b, deN("ticket_delete.unsent", 1)) {
			t.Errorf("the confirmation does not tell the waiting mail")
		}
		if r := h.staffC.Post("/admin/tickets/"+itoa64(spam)+"/delete", url.Values{}); r.Status != 303 {
			t.Fatalf("delete: %d", r.Status)
		}
		state := func(id int64) (mailState, jobState string) {
			env.DB.QueryRow(ctx, `SELECT state FROM mails WHERE id = ?`, id).Scan(&mailState)
			env.DB.QueryRow(ctx, `SELECT state FROM jobs WHERE kind = 'mail' AND ref_id = ?`, id).Scan(&jobState)
			return
		}
		if m, j := state(sent); m != "sent" || j != "done" {
			t.Errorf("delivered mail: %s/%s, want sent/done", m, j)
		}
		if m, j := state(waiting); m != outbox.StateCancelled || j != "done" {
			t.Errorf("waiting mail: %s/%s, want cancelled/done", m, j)
		}
		page := h.staffC.Get("/admin/outbox/" + itoa64(waiting)).Body
		if !strings.Contains(page, html.EscapeString(de.T("admin.outbox.state.cancelled"))) ||
			!strings.Contains(page, html.EscapeString(de.T("admin.outbox.cancelled_note"))) || strings.Contains(page, "/retry") {
			t.Errorf("the outbox page does not show the cancelled mail as such, or offers a retry")
		}
		r := h.staffC.Post("/admin/outbox/"+itoa64(waiting)+"/retry", url.Values{})
		if r.Status != 303 || bulkFlash(h.staffC.Get(r.Location).Body) != html.EscapeString(de.T("admin.outbox.retry_cancelled_failed")) {
			t.Errorf("retry of a cancelled mail: %d %q", r.Status, r.Location)
		}
		if m, j := state(waiting); m != outbox.StateCancelled || j != "done" {
			t.Errorf("after the refused retry: %s/%s", m, j)
		}
		list := h.staffC.Get("/admin/outbox?state=cancelled").Body
		if !strings.Contains(list, "still waiting") || strings.Contains(list, "went out") {
			t.Errorf("the cancelled filter lists the wrong mails")
		}
	})
}
