package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// Flashes of a message or new ticket sent twice within a moment (ticket/repeat.go).
const (
	repeatedMessageDE = "Diese Nachricht wurde bereits vor einem Moment gesendet und deshalb kein zweites Mal gesendet."
	repeatedTicketDE  = "Dieses Ticket wurde bereits vor einem Moment übermittelt, deshalb wurde kein zweites Ticket eröffnet."
)

// counts are ticket id's messages and the tenant's queued mails.
func (d *desk) counts(t *testing.T, id int64) (msgs, mails int) {
	t.Helper()
	ctx := context.Background()
	if err := d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, id).Scan(&msgs); err != nil {
		t.Fatal(err)
	}
	if err := d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE tenant_id = ?`, d.t.ID).Scan(&mails); err != nil {
		t.Fatal(err)
	}
	return msgs, mails
}

// TestRepeatedPortalReply: Alice's reply sent a second time (another tab, a request
// sent again) goes back to the ticket like the first, but the page says it had been
// sent already, and neither a message nor a mail is added. Another text is a reply.
func TestRepeatedPortalReply(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice := d.as("alice@alpha.test", "alice-password")
		id := d.open(t, alice, "Drucker")
		path := "/tickets/" + itoa64(id)
		send := func(body, flash string) {
			t.Helper()
			r := alice.PostMultipartValues(path+"/reply", url.Values{"body": {body}})
			if r.Status != 303 || r.Location != path+"#latest" {
				t.Fatalf("reply %q: %d %q", body, r.Status, r.Location)
			}
			if page := alice.Get(r.Location).Body; !strings.Contains(page, flash) {
				t.Fatalf("reply %q: the page does not say %q", body, flash)
			}
		}
		msgs, mails := d.counts(t, id)
		send("Er druckt wieder leere Seiten.", "Ihre Antwort wurde gesendet.")
		m, n := d.counts(t, id)
		if m != msgs+1 || n <= mails {
			t.Fatalf("the reply: %d messages, %d mails (had %d, %d)", m, n, msgs, mails)
		}
		send("Er druckt wieder leere Seiten.", repeatedMessageDE)
		if m2, n2 := d.counts(t, id); m2 != m || n2 != n {
			t.Fatalf("the reply sent again: %d messages, %d mails, want %d, %d", m2, n2, m, n)
		}
		send("Und der Scanner auch.", "Ihre Antwort wurde gesendet.")
		if m3, _ := d.counts(t, id); m3 != m+1 {
			t.Fatalf("another reply: %d messages, want %d", m3, m+1)
		}
	})
}

// TestRepeatedPortalTicket: Alice's new ticket sent a second time lands on the first
// ticket, saying it had been sent already; no second ticket is opened and no mail
// added. The same ticket by Uwe is his own. A new ticket with kept files sent twice
// (the kept files go with the first) is a repeat too, without "not sent" for them.
func TestRepeatedPortalTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		alice := k.as("alice@alpha.test", "alice-password")
		form := url.Values{"title": {"Scanner"}, "body": {"Der Scanner zieht kein Papier ein."}, "priority": {"2"}}
		first := k.created(t, alice.PostMultipartValues("/tickets", form))
		_, mails := k.counts(t, first)
		r := alice.PostMultipartValues("/tickets", form)
		if r.Status != 303 || r.Location != "/tickets/"+itoa64(first) {
			t.Fatalf("the same ticket again: %d %q, want ticket %d", r.Status, r.Location, first)
		}
		if page := alice.Get(r.Location).Body; !strings.Contains(page, repeatedTicketDE) {
			t.Fatalf("the first ticket's page does not say it was sent already")
		}
		if _, n := k.counts(t, first); n != mails || k.tickets(t) != 1 {
			t.Fatalf("the ticket sent again: %d tickets, %d mails (had %d)", k.tickets(t), n, mails)
		}
		uwe := k.as("uwe@alpha.test", "uwe-password-1")
		if id := k.created(t, uwe.PostMultipartValues("/tickets", form)); id == first {
			t.Fatalf("Uwe's ticket went to Alice's")
		}

		// Refused (no title) with a file, then sent twice with its kept file.
		form = url.Values{"title": {""}, "body": {"Der Drucker zieht kein Papier ein."}, "priority": {"2"}}
		r = alice.PostMultipartValues("/tickets", form, k.pdfFile("bericht.pdf"))
		if r.Status != 422 || len(keptListed(r.Body)) != 1 {
			t.Fatalf("refused with a file: %d, listed %v", r.Status, keptListed(r.Body))
		}
		form["title"], form["staged"] = []string{"Drucker"}, keptListed(r.Body)
		key := k.keyOf(t, form["staged"][0])
		printer := k.created(t, alice.PostMultipartValues("/tickets", form))
		r = alice.PostMultipartValues("/tickets", form)
		if r.Status != 303 || r.Location != "/tickets/"+itoa64(printer) {
			t.Fatalf("sent again with its kept file: %d %q, want ticket %d", r.Status, r.Location, printer)
		}
		page := alice.Get(r.Location).Body
		if !strings.Contains(page, repeatedTicketDE) || strings.Contains(page, "nicht gesendet") {
			t.Fatalf("the repeat's flash is not the plain 'sent already'")
		}
		if names, uses := k.attached(t, printer, key); len(names) != 1 || uses != 1 || k.tickets(t) != 3 {
			t.Fatalf("the kept file: %v, %d uses; %d tickets", names, uses, k.tickets(t))
		}
	})
}

// TestRepeatedStaffReply: the agent's reply and internal note, each sent a second
// time, change nothing the second time and say so; the note with the reply's words is
// a note of its own.
func TestRepeatedStaffReply(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		id := d.open(t, d.as("alice@alpha.test", "alice-password"), "Drucker")
		admin := d.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		path := "/admin/tickets/" + itoa64(id)
		send := func(kind string, repeated bool) {
			t.Helper()
			msgs, mails := d.counts(t, id)
			r := admin.PostMultipartValues(path+"/reply", url.Values{"kind": {kind}, "body": {"Bitte den Treiber neu installieren."}})
			if r.Status != 303 || r.Location != path {
				t.Fatalf("%s: %d %q", kind, r.Status, r.Location)
			}
			page := admin.Get(r.Location).Body
			m, n := d.counts(t, id)
			switch {
			case repeated && (m != msgs || n != mails || !strings.Contains(page, repeatedMessageDE)):
				t.Fatalf("%s sent again: %d messages, %d mails (had %d, %d), flash shown %v", kind, m, n, msgs, mails,
					strings.Contains(page, repeatedMessageDE))
			case !repeated && (m != msgs+1 || strings.Contains(page, repeatedMessageDE)):
				t.Fatalf("%s: %d messages (had %d)", kind, m, msgs)
			}
		}
		send("reply", false)
		send("reply", true)
		send("note", false)
		send("note", true)
	})
}

// tickets counts the tenant's tickets.
func (d *desk) tickets(t *testing.T) (n int) {
	t.Helper()
	if err := d.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, d.t.ID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
