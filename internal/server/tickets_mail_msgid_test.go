package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestMailAnswerByOutgoingID: a ticket mail leaves with the sender's domain in its
// Message-ID (the outbox keeps the id it was queued under), and an answer naming the
// id as it went out, in In-Reply-To alone, lands in the ticket.
func TestMailAnswerByOutgoingID(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		if err := tenant.SetMail(ctx, d.env.DB, d.t.ID, tenant.MailSettings{From: "Desk <support@desk.test>"}); err != nil {
			t.Fatal(err)
		}
		tid := d.open(t, d.as("alice@alpha.test", "alice-password"), "Server langsam")
		var stored string
		d.env.DB.QueryRow(ctx, `SELECT message_id FROM mails WHERE ticket_id = ? AND to_addr = 'alice@alpha.test'`, tid).Scan(&stored)
		wire := mail.IDFrom(stored, "Desk <support@desk.test>")
		if !strings.HasSuffix(wire, "@desk.test") {
			t.Fatalf("outgoing id %q (stored %q)", wire, stored)
		}
		send("alice@alpha.test", "support@desk.test", "Subject: Re: x\r\nIn-Reply-To: <"+wire+">\r\n", "Antwort auf die Mail\r\n")
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND via = 'email'`, tid); n != 1 {
			t.Fatalf("answer by the outgoing id: %d messages by mail in the ticket", n)
		}
	})
}
