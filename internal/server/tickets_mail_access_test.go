package server_test

import (
	"context"
	"net/smtp"
	"net/url"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketMailReplyAccess: a mail to a ticket's reply address lands in the ticket
// only from someone who may see the ticket in the portal (or, without any portal
// login, its opener); a user who neither opened nor follows it and a contact whose
// access was revoked end up in the staff inbox like any sender without access.
func TestTicketMailReplyAccess(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		if err := tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		addr := d.env.ListenInbound()
		n := 0
		send := func(from, to, body string) {
			t.Helper()
			n++
			msg := "From: " + from + "\r\nTo: " + to + "\r\nSubject: Re: Drucker\r\nMessage-ID: <access-" +
				string(rune('a'+n)) + "@x.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n"
			if err := smtp.SendMail(addr, nil, from, []string{to}, []byte(msg)); err != nil {
				t.Fatalf("send from %s: %v", from, err)
			}
		}
		inTicket := func(id int64, body string) bool {
			return count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND body = ?`, id, body) == 1
		}
		inInbox := func(from string) int {
			return count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND kind = 'mail' AND email = ?`, d.t.ID, from)
		}

		id := d.open(t, d.as("uwe@alpha.test", "uwe-password-1"), "Drucker")
		tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, id)
		// Each recipient's mails carry their own reply address.
		replyTo := func(who string) string { return "support+" + ticket.RecipientToken(tk, who) + "@desk.test" }

		// The opener and the main contact reply into the ticket.
		send("uwe@alpha.test", replyTo("uwe@alpha.test"), "Von Uwe")
		send("alice@alpha.test", replyTo("alice@alpha.test"), "Von Alice")
		if !inTicket(id, "Von Uwe") || !inTicket(id, "Von Alice") {
			t.Fatal("opener or main contact could not reply by mail")
		}
		// Someone else's reply address with a forged From is no reply: whoever holds
		// Uwe's mail cannot write into the ticket as Alice.
		send("alice@alpha.test", replyTo("uwe@alpha.test"), "Gefälscht als Alice")
		if inTicket(id, "Gefälscht als Alice") {
			t.Fatal("a forged From on another recipient's reply address reached the ticket")
		}
		// An old-style address without a recipient code is no reply either.
		send("alice@alpha.test", "support+"+tk.ReplyToken+"@desk.test", "Ohne Code")
		if inTicket(id, "Ohne Code") {
			t.Fatal("a reply address without a code reached the ticket")
		}

		// A colleague user who cannot see the ticket goes to the inbox.
		send("ula@alpha.test", replyTo("ula@alpha.test"), "Von Ula")
		if inTicket(id, "Von Ula") || inInbox("ula@alpha.test") != 1 {
			t.Fatalf("user without sight of the ticket: in ticket %v, inbox %d", inTicket(id, "Von Ula"), inInbox("ula@alpha.test"))
		}

		// The opener, once revoked, goes to the inbox as well.
		m, err := contact.MembershipIn(ctx, d.env.DB, d.t.ID, d.uwe, d.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := contact.SetAccess(ctx, d.env.DB, d.t.ID, m.ID, "", contact.AccessRevoked, time.Now()); err != nil {
			t.Fatal(err)
		}
		send("uwe@alpha.test", replyTo("uwe@alpha.test"), "Uwe nach Entzug")
		if inTicket(id, "Uwe nach Entzug") || inInbox("uwe@alpha.test") != 1 {
			t.Fatalf("revoked contact: in ticket %v, inbox %d", inTicket(id, "Uwe nach Entzug"), inInbox("uwe@alpha.test"))
		}

		// A contact without portal login answers the ticket they opened by mail.
		d.env.DB.Exec(ctx, `UPDATE companies SET email_domains = 'alpha.test' WHERE id = ?`, d.a.ID)
		send("neu@alpha.test", "support@desk.test", "Neues Problem")
		var mailTicket int64
		d.env.DB.QueryRow(ctx, `SELECT t.id FROM tickets t JOIN contacts c ON c.id = t.contact_id WHERE c.email = 'neu@alpha.test'`).Scan(&mailTicket)
		mt, err := ticket.ForStaff(ctx, d.env.DB, d.t.ID, mailTicket)
		if err != nil {
			t.Fatal(err)
		}
		send("neu@alpha.test", "support+"+ticket.RecipientToken(mt, "neu@alpha.test")+"@desk.test", "Nachtrag per Mail")
		if !inTicket(mailTicket, "Nachtrag per Mail") {
			t.Fatal("contact without portal login cannot answer their own ticket")
		}

		// Alpha's main contact invites Bob of Beta; until Bob accepts, his mail to
		// support stays Beta's ticket (Alpha sorts first and would otherwise get it).
		if r := d.as("alice@alpha.test", "alice-password").Post("/colleagues", url.Values{"first_name": {"Bob"},
			"last_name": {"B"}, "email": {"bob@beta.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d %.300s", r.Status, r.Body)
		}
		send("bob@beta.test", "support@desk.test", "Bobs Problem")
		var bobCompany int64
		d.env.DB.QueryRow(ctx, `SELECT t.company_id FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id
			WHERE m.body = 'Bobs Problem'`).Scan(&bobCompany)
		if bobCompany != d.b.ID {
			t.Fatalf("Bob's mail went to company %d, want Beta (%d)", bobCompany, d.b.ID)
		}
	})
}
