package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketMailCopiedColleagues: colleagues a customer copies on a mail to support
// follow the ticket it opens or answers (and get its mails), whether the mail goes
// straight into a ticket or staff make one of it in the inbox; people of another
// company, strangers and colleagues without portal access are passed over.
func TestTicketMailCopiedColleagues(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		followers := func(ticketID int64) string {
			t.Helper()
			fs, err := ticket.Followers(ctx, d.env.DB, d.t.ID, ticketID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, f := range fs {
				out = append(out, f.Email)
			}
			return strings.Join(out, ",")
		}
		// Nina has a membership in A but no portal access.
		nina := d.env.Contact(d.t, "nina@alpha.test", "", "user", d.a).ID
		if _, err := d.env.DB.Exec(ctx, `UPDATE memberships SET access = 'none' WHERE contact_id = ?`, nina); err != nil {
			t.Fatal(err)
		}

		send("Uwe <uwe@alpha.test>", "support@desk.test",
			"Subject: Drucker druckt nicht\r\nCc: Ula <ULA@alpha.test>, bob@beta.test, fremd@example.test, nina@alpha.test\r\n",
			"Seit heute früh.\r\n")
		var tid int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Drucker druckt nicht' AND company_id = ?`, d.a.ID).Scan(&tid)
		if tid == 0 {
			t.Fatal("the mail opened no ticket")
		}
		if got := followers(tid); got != "ula@alpha.test" {
			t.Fatalf("followers %q, want only Ula (Bob is of another company, Nina has no access)", got)
		}
		if m := d.mailsTo(t, "ula@alpha.test"); len(m) != 1 || !strings.Contains(m[0], "Drucker druckt nicht") {
			t.Errorf("Ula's mails: %q", m)
		}
		if n := len(d.mailsTo(t, "bob@beta.test")) + len(d.mailsTo(t, "nina@alpha.test")); n != 0 {
			t.Errorf("%d mails to people who do not follow", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'follower'`, tid); n != 1 {
			t.Errorf("%d follower events, want 1", n)
		}

		// An answer copying Alice makes her a follower too; copying Ula again changes nothing.
		tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, tid)
		send("uwe@alpha.test", "support+"+ticket.RecipientToken(tk, "uwe@alpha.test")+"@desk.test",
			"Subject: Re: Drucker\r\nCc: alice@alpha.test, ula@alpha.test\r\n", "Jetzt auch der zweite.\r\n")
		if got := followers(tid); got != "alice@alpha.test,ula@alpha.test" {
			t.Fatalf("followers after the answer %q", got)
		}

		// A mail from outside goes to the inbox; the ticket staff make of it keeps the copy.
		send("Greta <greta@gamma.test>", "support@desk.test", "Subject: Heizung\r\nCc: uwe@alpha.test\r\n", "Kalt.\r\n")
		var item int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE kind = 'mail' AND email = 'greta@gamma.test'`).Scan(&item)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		r := staff.Post("/admin/inbox/"+id(item)+"/ticket", url.Values{"company_id": {id(d.a.ID)}, "contact_id": {"new"},
			"first_name": {"Greta"}, "last_name": {"Gamma"}})
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets/") {
			t.Fatalf("ticket from the inbox: %d %q", r.Status, r.Location)
		}
		var fromInbox int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Heizung'`).Scan(&fromInbox)
		if got := followers(fromInbox); got != "uwe@alpha.test" {
			t.Errorf("followers of the inbox ticket %q", got)
		}
	})
}
