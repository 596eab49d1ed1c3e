package server_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestMailReplyQuotesTrimmed: answers by mail in the ways real mail programs quote —
// Gmail in Hebrew, Thunderbird's HTML-only mail in Hebrew, Outlook's header block in
// Thai, Apple Mail on an iPhone in German with a first line that starts like an
// attribution ("Am Montag …") — reach the ticket as what the sender wrote, without the
// attribution line, the quoted original or "Von meinem iPhone gesendet". Each goes
// through a real SMTP session against the listener.
func TestMailReplyQuotesTrimmed(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		if err := tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		addr := d.env.ListenInbound()
		id := d.open(t, d.as("alice@alpha.test", "alice-password"), "Heizung")
		var replyTo, mid string
		d.env.DB.QueryRow(ctx, `SELECT reply_to, message_id FROM mails WHERE to_addr = 'alice@alpha.test'`).Scan(&replyTo, &mid)
		if replyTo == "" {
			t.Fatal("the ticket mail has no reply address")
		}
		cases := []struct{ name, headers, body, want string }{
			{"gmail hebrew", "Content-Type: text/plain; charset=utf-8\n",
				"תודה רבה!\n\n\u202bבתאריך יום ג׳, 24 בנוב׳ 2026 ב-22:22 מאת \u202aDesk\u202c\u200f <\u202a\nportal@desk.test\u202c\u200f>:\u202c\n\n> ##- נא לכתוב את התשובה מעל שורה זו -##\n> Hallo\n",
				"תודה רבה!"},
			{"thunderbird hebrew html", "Content-Type: text/html; charset=utf-8\n",
				`<html><body dir="rtl"><p>הבעיה נפתרה.</p><div class="moz-cite-prefix">ב-24.11.2026 22:22, Desk כתב:<br></div><blockquote type="cite"><p>Hallo</p></blockquote></body></html>` + "\n",
				"הבעיה נפתרה."},
			{"outlook thai", "Content-Type: text/plain; charset=utf-8\n",
				"ขอบคุณครับ\n\n________________________________\nจาก: Desk <portal@desk.test>\nส่ง: 24 พฤศจิกายน 2026 22:22\nถึง: Alice\n\nHallo\n",
				"ขอบคุณครับ"},
			{"apple mail german", "Content-Type: text/plain; charset=utf-8\n",
				"Am Montag passt es.\n\nVon meinem iPhone gesendet\n\n> Am 24.11.2026 um 22:22 schrieb Desk <portal@desk.test>:\n>\n> Hallo\n",
				"Am Montag passt es."},
			{"thunderbird german first line like an attribution", "Content-Type: text/plain; charset=utf-8\n",
				"Am Freitag kommt der Techniker.\n\nAm 24.11.2026 um 22:22 schrieb Desk:\n> Hallo\n",
				"Am Freitag kommt der Techniker."},
		}
		for i, c := range cases {
			raw := "From: Alice <alice@alpha.test>\nTo: " + replyTo + "\nSubject: Re: Heizung\nMessage-ID: <quote-" +
				string(rune('a'+i)) + "@alpha.test>\nIn-Reply-To: <" + mid + ">\nMIME-Version: 1.0\n" + c.headers + "\n" + c.body
			if err := sendRaw(addr, "alice@alpha.test", replyTo, raw); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var body string
			d.env.DB.QueryRow(ctx, `SELECT body FROM ticket_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&body)
			if body != c.want {
				t.Errorf("%s: stored %q, want %q", c.name, body, c.want)
			}
		}
	})
}
