package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketReplyToClosedKeepsText: a reply sent from a stale page to a ticket that
// was closed meanwhile is refused with an explanation and the typed text given back:
// in a reply form that reopens the ticket when the tenant allows reopening, else read
// only.
func TestTicketReplyToClosedKeepsText(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		id := d.open(t, uwe, "Drucker")
		path := "/tickets/" + strconv.FormatInt(id, 10)
		closeIt := func() {
			closed, _ := ticket.StatusByCode(ctx, d.env.DB, d.t.ID, ticket.CodeClosed)
			d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
				_, err := ticket.SetStatus(ctx, tx, tk, closed.ID, staffActor, now())
				return err
			})
		}
		const typed = "Mein langer Text, der nicht verloren gehen darf"

		closeIt()
		r := uwe.PostMultipart(path+"/reply", map[string]string{"body": typed})
		if r.Status != 409 || !strings.Contains(r.Body, typed) || !strings.Contains(r.Body, "deshalb wurde Ihre Antwort nicht gesendet") ||
			!strings.Contains(r.Body, `name="reopen" value="1"`) {
			t.Fatalf("reply to closed ticket: %d %.2000s", r.Status, r.Body)
		}
		// Sending the form given back reopens the ticket with the reply.
		r = uwe.PostMultipart(path+"/reply", map[string]string{"body": typed, "reopen": "1"})
		if r.Status != 303 {
			t.Fatalf("reopen and reply: %d %.500s", r.Status, r.Body)
		}
		if tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, id); tk.Done() ||
			count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND body = ?`, id, typed) != 1 {
			t.Fatalf("not reopened with the reply: status %q", tk.Status.Code)
		}

		// Without reopening the text comes back read only.
		if err := tenant.SetTicketRules(ctx, d.env.DB, d.t.ID, tenant.TicketRules{Reopen: false, UploadLimitMB: 20}); err != nil {
			t.Fatal(err)
		}
		closeIt()
		r = uwe.PostMultipart(path+"/reply", map[string]string{"body": typed + " 2"})
		if r.Status != 409 || !strings.Contains(r.Body, typed+" 2") || strings.Contains(r.Body, `name="reopen"`) ||
			!strings.Contains(r.Body, "readonly") {
			t.Fatalf("reply to closed ticket without reopening: %d %.2000s", r.Status, r.Body)
		}
		// A forged reopen=1 is refused and keeps the text as well.
		r = uwe.PostMultipart(path+"/reply", map[string]string{"body": typed + " 3", "reopen": "1"})
		if r.Status != 409 || !strings.Contains(r.Body, typed+" 3") {
			t.Fatalf("forged reopen: %d %.500s", r.Status, r.Body)
		}
		if tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, id); !tk.Done() {
			t.Fatal("reopened although the tenant forbids it")
		}
	})
}
