package server_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
)

// TestEraseMasksMailsToOthers: mails to other people that named Uwe (his colleague told
// of his ticket, the main contact told of his registration) stay in the outbox as sent,
// to whom and with their text, but name him by the placeholder: subject, text, HTML and
// the .eml the file sender kept (its sender, Message-ID and date kept). Mails that only
// name someone else alike ("Hanna Altmannsberger", Uwe's ticket quoted to Bob without
// him) are left as they were.
func TestEraseMasksMailsToOthers(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		d.env.DB.Exec(ctx, `UPDATE contacts SET first_name = 'Uwe', last_name = 'Altmann' WHERE id = ?`, d.uwe)
		now := time.Now()
		queue := func(to, subject, text, html string, ticketID int64) int64 {
			t.Helper()
			m, err := outbox.Queue(ctx, d.env.DB, d.t.ID, mail.Message{To: to, Subject: subject, Text: text, HTML: html},
				now.Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if ticketID > 0 {
				if err := outbox.ForTicket(ctx, d.env.DB, d.t.ID, m, ticketID); err != nil {
					t.Fatal(err)
				}
			}
			return m
		}
		// A colleague's copy about Uwe's ticket, sent and kept by the file sender.
		ticketMail := queue("alice@alpha.test", "Neues Ticket von Uwe Altmann", "Uwe Altmann <UWE@alpha.test> schrieb:\nUWE-DRUCKER streikt",
			"<p>Uwe Altmann &lt;uwe@alpha.test&gt; schrieb:</p>", d.own)
		dir := t.TempDir()
		kept, err := mail.NewFileSender(dir).Send(ctx, mail.Message{From: "Desk <support@desk.test>", To: "alice@alpha.test",
			Subject: "Neues Ticket von Uwe Altmann", Text: "Uwe Altmann <UWE@alpha.test> schrieb:\nUWE-DRUCKER streikt",
			HTML: "<p>Uwe Altmann &lt;uwe@alpha.test&gt; schrieb:</p>", MessageID: "kept1@desk.test"})
		if err != nil {
			t.Fatal(err)
		}
		d.env.DB.Exec(ctx, `UPDATE mails SET state = 'sent', sent_at = ?, stored_path = ? WHERE id = ?`, now.Unix(), kept, ticketMail)
		regMail := queue("alice@alpha.test", "Registrierung wartet", "Uwe Altmann (uwe@alpha.test) möchte Zugang zu Alpha GmbH.", "", 0)
		other := queue("bob@beta.test", "Hallo Bob", "Hanna Altmannsberger und Uwe Altmann-Berg grüßen.", "", 0)
		quoted := queue("bob@beta.test", "Ihr Ticket", "UWE-DRUCKER: Bitte neu starten.", "", d.followed)
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE text_body LIKE ? AND tenant_id = ?`, "%Uwe Altmann%", d.t.ID); n < 2 {
			t.Fatalf("not seeded: %d mails name Uwe", n)
		}
		// Opening his ticket in the portal told others of it, naming him (as "Test
		// uwe@alpha.test", the seeded name).
		named := `SELECT COUNT(*) FROM mails WHERE LOWER(to_addr) NOT LIKE 'uwe@%' AND ticket_id = ?
			AND LOWER(subject || text_body || html_body) LIKE '%uwe@alpha.test%'`
		if n := count(t, d.env, named, d.own); n == 0 {
			t.Fatalf("not seeded: no mail to others about Uwe's ticket names him")
		}

		if r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/erase", url.Values{"confirm": {"uwe@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d", r.Status)
		}
		anon, anonAddr := "Gelöschter Kontakt #"+id(d.uwe), "deleted-"+id(d.uwe)+"@deleted.invalid"
		if n := count(t, d.env, named, d.own); n != 0 {
			t.Errorf("%d mails to others about Uwe's ticket still name him", n)
		}
		for m, want := range map[int64][]string{
			ticketMail: {"Neues Ticket von " + anon, anon + " <" + anonAddr + "> schrieb:\nUWE-DRUCKER streikt",
				"<p>" + anon + " &lt;" + anonAddr + "&gt; schrieb:</p>", "alice@alpha.test", "sent"},
			regMail: {"Registrierung wartet", anon + " (" + anonAddr + ") möchte Zugang zu Alpha GmbH.", "", "alice@alpha.test", "queued"},
			other:   {"Hallo Bob", "Hanna Altmannsberger und Uwe Altmann-Berg grüßen.", "", "bob@beta.test", "queued"},
			quoted:  {"Ihr Ticket", "UWE-DRUCKER: Bitte neu starten.", "", "bob@beta.test", "queued"},
		} {
			var subject, text, html, to, state string
			d.env.DB.QueryRow(ctx, `SELECT subject, text_body, html_body, to_addr, state FROM mails WHERE id = ?`, m).
				Scan(&subject, &text, &html, &to, &state)
			if got := []string{subject, text, html, to, state}; strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("mail %d:\n got %q\nwant %q", m, got, want)
			}
		}
		for _, p := range []string{"/admin/outbox/" + id(ticketMail), "/admin/outbox/" + id(regMail), "/admin/outbox?q=alice"} {
			body := d.admin.Get(p).Body
			if i := strings.Index(body, "Altmann"); i >= 0 || strings.Contains(strings.ToLower(body), "uwe@alpha.test") {
				t.Errorf("%s still names Uwe: %s", p, body[max(0, i-300):min(len(body), i+100)])
			}
		}
		raw, err := os.ReadFile(kept)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(raw); strings.Contains(s, "Altmann") || strings.Contains(strings.ToLower(s), "uwe@alpha.test") ||
			!strings.Contains(s, "Message-ID: <kept1@desk.test>") || !strings.Contains(s, "support@desk.test") {
			t.Errorf("the kept .eml was not rewritten as it went:\n%s", s)
		}
		if entries, _ := os.ReadDir(filepath.Dir(kept)); len(entries) != 1 {
			t.Errorf("the rewrite left %d files, want 1", len(entries))
		}
	})
}
