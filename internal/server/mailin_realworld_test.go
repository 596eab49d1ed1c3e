package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
)

// TestForwardAndOwnMailByListener: a contact forwarding a mail to the support address
// opens a ticket that holds the forwarded mail, not only "see below"; the portal's own
// mail coming back (a redirect keeps its Message-ID and From) opens no ticket, makes no
// contact and mails nobody, even from an address a company's domain covers.
func TestForwardAndOwnMailByListener(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", `
From: Alice <alice@alpha.test>
To: support@desk.test
Subject: WG: Pumpe Halle 3
Message-ID: <fwd-1@alpha.test>
Content-Type: text/plain; charset=utf-8

Bitte kümmern Sie sich darum.

________________________________
Von: Hallenmeister <meister@alpha.test>
Gesendet: Montag, 2. Juni 2025 10:00
An: Alice
Betreff: Pumpe Halle 3

Die Pumpe in Halle 3 ist ausgefallen, Fehler E42.
`)
		if err != nil {
			t.Fatal(err)
		}
		var body string
		b.env.DB.QueryRow(ctx, `SELECT m.body FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id WHERE t.title = 'Pumpe Halle 3'`).Scan(&body)
		if !strings.Contains(body, "Bitte kümmern") || !strings.Contains(body, "Fehler E42") {
			t.Fatalf("forwarded mail's ticket body %q", body)
		}

		// The portal's staff count as a customer company of their own (internal tickets).
		if _, err := b.env.DB.Exec(ctx, `UPDATE companies SET email_domains = 'desk.test' WHERE id = ?`, b.b.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := outbox.Queue(ctx, b.env.DB, b.t.ID, mail.Message{To: "alice@alpha.test", Subject: "Re: Drucker",
			Text: "Wir kommen morgen.", MessageID: "ownback1@" + mail.PlaceholderIDDomain, Personal: true}, time.Now()); err != nil {
			t.Fatal(err)
		}
		mailsBefore := count(t, b.env, `SELECT COUNT(*) FROM mails`)
		err = sendRaw(b.addr, "alice@alpha.test", "support@desk.test", `
From: Desk <support@desk.test>
To: alice@alpha.test
Subject: Re: Drucker
Message-ID: <ownback1@desk.test>
Content-Type: text/plain; charset=utf-8

Wir kommen morgen.
`)
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM tickets WHERE title = 'Drucker'`); n != 0 {
			t.Errorf("the portal's own mail opened %d tickets", n)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM contacts WHERE email = 'support@desk.test'`); n != 0 {
			t.Error("the portal's own mail made its sender a contact")
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM mails`); n != mailsBefore {
			t.Errorf("the portal's own mail was answered: %d mails queued", n-mailsBefore)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbound_mails WHERE message_id = 'ownback1@desk.test' AND outcome = 'ignored'`); n != 1 {
			t.Error("the portal's own mail is not recorded as ignored")
		}
	})
}
