package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsByMail: answers to a ticket's mails land in the ticket (by the reply
// address's token, or by In-Reply-To), quoted text trimmed; mail from a company's
// domain opens a ticket for a new contact; unknown senders, strangers answering someone
// else's ticket, automatic replies and answers to closed tickets never touch tickets.
func TestTicketsByMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		messages := func(id int64) []string {
			t.Helper()
			rows, _ := d.env.DB.Query(ctx, `SELECT via || ':' || body FROM ticket_messages WHERE ticket_id = ? ORDER BY id`, id)
			defer rows.Close()
			var out []string
			for rows.Next() {
				var s string
				rows.Scan(&s)
				out = append(out, s)
			}
			return out
		}

		alice := d.as("alice@alpha.test", "alice-password")
		id := d.open(t, alice, "Server langsam")
		tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, id)
		var replyTo, text, mid string
		d.env.DB.QueryRow(ctx, `SELECT reply_to, text_body, message_id FROM mails WHERE to_addr = 'alice@alpha.test'`).Scan(&replyTo, &text, &mid)
		if replyTo != "support+"+ticket.RecipientToken(tk, "alice@alpha.test")+"@desk.test" || !strings.HasPrefix(text, "##- Bitte schreiben Sie Ihre Antwort über dieser Zeile -##\n") {
			t.Fatalf("ticket mail: reply-to %q, text %.80q", replyTo, text)
		}

		// 1. Answer to the reply address: the quote below the marker is cut.
		send("Alice <alice@alpha.test>", replyTo, "Subject: Re: Server langsam\r\n",
			"Immer noch langsam.\r\n\r\n"+text)
		// 2. Answer by In-Reply-To only, to the plain support address.
		send("alice@alpha.test", "support@desk.test", "Subject: Re: x\r\nIn-Reply-To: <"+mid+">\r\n", "Zweite Antwort\r\n")
		got := messages(id)
		if len(got) != 3 || got[1] != "email:Immer noch langsam." || got[2] != "email:Zweite Antwort" {
			t.Fatalf("replies by mail: %q", got)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'agent@desk.test' AND subject LIKE '%Kundenantwort%'`); n != 2 {
			t.Fatalf("staff told of %d mail replies", n)
		}
		// Staff answer in the back office: their mails offer no reply address or marker.
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'agent@desk.test' AND (reply_to <> '' OR text_body LIKE '%##-%')`); n != 0 {
			t.Errorf("%d staff mails invite an answer by mail", n)
		}

		// 3. A stranger answering with the token, and an auto-reply, change nothing.
		send("bob@beta.test", replyTo, "Subject: Re: Server\r\n", "Ich mische mich ein\r\n")
		send("alice@alpha.test", replyTo, "Subject: Abwesend\r\nAuto-Submitted: auto-replied\r\n", "Bin im Urlaub\r\n")
		// Exchange's out-of-office reply carries no Auto-Submitted, only
		// X-Auto-Response-Suppress; an Outlook rule's only its subject.
		send("alice@alpha.test", replyTo, "Subject: Re: Server\r\nX-Auto-Response-Suppress: All\r\n", "Bin bis Montag weg\r\n")
		send("alice@alpha.test", replyTo, "Subject: Automatic reply: Server\r\n", "Out of office\r\n")
		if got := messages(id); len(got) != 3 {
			t.Fatalf("stranger or auto-reply reached the ticket: %q", got)
		}
		// The list of incoming mail says why each auto-reply was left alone.
		staffC := d.env.Client("desk.test")
		staffC.AdminLogin("agent@desk.test", "agent-password")
		if body := staffC.Get("/admin/settings/mail").Body; !strings.Contains(body, "Abwesenheitsnotiz (Exchange/Outlook)") ||
			!strings.Contains(body, "Automatisch versandt (Auto-Submitted)") {
			t.Errorf("incoming mail list without the reasons:\n%s", body)
		}

		// 4. A new sender from the company's domain becomes a contact with a ticket.
		send("Neu Kunde <neu@alpha.test>", "support@desk.test", "Subject: Drucker kaputt\r\n", "Bitte helfen.\r\n")
		var newTicket, newContact int64
		d.env.DB.QueryRow(ctx, `SELECT t.id, t.contact_id FROM tickets t JOIN contacts c ON c.id = t.contact_id
			WHERE c.email = 'neu@alpha.test' AND t.company_id = ? AND t.title = 'Drucker kaputt' AND t.via = 'email'`, d.a.ID).Scan(&newTicket, &newContact)
		if newTicket == 0 {
			t.Fatal("no ticket for the new sender of a company domain")
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'neu@alpha.test'`); n != 1 {
			t.Fatalf("new sender got %d confirmations", n)
		}

		// 5. An unknown domain goes to the inbox.
		send("fremd@nirgendwo.test", "support@desk.test", "Subject: Werbung\r\n", "Kaufen Sie!\r\n")
		if n := count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND kind = 'mail' AND email = 'fremd@nirgendwo.test'`, d.t.ID); n != 1 {
			t.Fatalf("unknown sender: %d inbox items", n)
		}

		// 6. A closed ticket is not reopened by mail when the tenant forbids it.
		tenant.SetTicketRules(ctx, d.env.DB, d.t.ID, tenant.TicketRules{Reopen: false, UploadLimitMB: 20})
		closed, _ := ticket.StatusByCode(ctx, d.env.DB, d.t.ID, ticket.CodeClosed)
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, closed.ID, staffActor, now())
			return err
		})
		send("alice@alpha.test", replyTo, "Subject: Re: Server\r\n", "Doch nicht gelöst\r\n")
		if got := messages(id); len(got) != 3 {
			t.Fatalf("closed ticket took a mail: %q", got)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND kind = 'mail' AND email = 'alice@alpha.test'`, d.t.ID); n != 1 {
			t.Fatalf("reply to closed ticket not in inbox: %d", n)
		}
	})
}
