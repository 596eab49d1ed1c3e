package server_test

import (
	"context"
	"fmt"
	"io"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
	"pforte/internal/ticketmail"
)

// sendRaw hands a raw message (LF line ends) to the inbound listener; it returns the
// SMTP error.
func sendRaw(addr, envFrom, rcpt, raw string) error {
	raw = strings.ReplaceAll(strings.TrimLeft(raw, "\n"), "\n", "\r\n")
	return smtp.SendMail(addr, nil, envFrom, []string{rcpt}, []byte(raw))
}

// ticketFiles lists the file names and keys of a ticket's attachments, oldest first.
func ticketFiles(t *testing.T, d *desk, ticketID int64) (names, keys []string) {
	t.Helper()
	rows, err := d.env.DB.Query(context.Background(), `SELECT filename, file_key FROM ticket_attachments WHERE ticket_id = ? ORDER BY id`, ticketID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n, k string
		rows.Scan(&n, &k)
		names, keys = append(names, n), append(keys, k)
	}
	return names, keys
}

// fileText reads a file of the store.
func fileText(t *testing.T, d *desk, key string) string {
	t.Helper()
	f, err := d.env.App.Env.Files.Open(key)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return string(b)
}

// longLog is a pasted log of 1,200 lines (about 60 KB) ending in ENDE-DES-LOGS.
func longLog() string {
	var b strings.Builder
	for i := 1; i < 1200; i++ {
		fmt.Fprintf(&b, "2025-06-02 10:%02d:%02d sensor=%d temperature=21.5 pressure=1.%03d status=ok\n", i/60%60, i%60, i, i)
	}
	b.WriteString("ENDE-DES-LOGS\n")
	return b.String()
}

// TestLongMailKeptWhole: a mail longer than a ticket message holds is shortened with
// a note in the tenant's language naming the attached file with the whole text — on a
// reply by mail, on a new ticket by mail, and on a ticket staff make of an inbox mail.
func TestLongMailKeptWhole(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		l := i18n.For(b.t.DefaultLanguage)
		file := l.T("ticketmail.full_text_file")
		log := longLog()
		check := func(what string, ticketID int64) {
			t.Helper()
			var body string
			b.env.DB.QueryRow(ctx, `SELECT body FROM ticket_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`, ticketID).Scan(&body)
			if len(body) > 20000 || !strings.Contains(body, "pressure=1.001") || strings.Contains(body, "ENDE-DES-LOGS") ||
				!strings.HasSuffix(body, l.T("ticketmail.shortened", map[string]any{"Limit": l.Number(20000), "File": file})) {
				t.Fatalf("%s: body of %d bytes ends %q", what, len(body), body[max(0, len(body)-200):])
			}
			names, keys := ticketFiles(t, b.desk, ticketID)
			if len(names) == 0 || names[len(names)-1] != file {
				t.Fatalf("%s: attachments %q", what, names)
			}
			if got := fileText(t, b.desk, keys[len(keys)-1]); !strings.HasSuffix(got, "ENDE-DES-LOGS") || !strings.Contains(got, "sensor=391 ") {
				t.Fatalf("%s: the attached text has %d bytes and ends %q", what, len(got), got[max(0, len(got)-40):])
			}
		}

		// A new ticket by mail from a known contact.
		if err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test\n"+
			"Subject: Protokoll\nMessage-ID: <long-1@alpha.test>\nContent-Type: text/plain; charset=utf-8\n\n"+log); err != nil {
			t.Fatal(err)
		}
		var tid int64
		b.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Protokoll'`).Scan(&tid)
		check("new ticket", tid)

		// A reply by mail on that ticket.
		tk, err := ticket.ForStaff(ctx, b.env.DB, b.t.ID, tid)
		if err != nil {
			t.Fatal(err)
		}
		rcpt := "support+" + ticket.RecipientToken(tk, "alice@alpha.test") + "@desk.test"
		if err := sendRaw(b.addr, "alice@alpha.test", rcpt, "From: alice@alpha.test\nTo: "+rcpt+"\nSubject: Re: Protokoll\n"+
			"Message-ID: <long-2@alpha.test>\nContent-Type: text/plain; charset=utf-8\n\n"+log); err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, tid); n != 2 {
			t.Fatalf("the reply did not land: %d messages", n)
		}
		check("reply", tid)

		// A stranger's long mail goes to the inbox, keeps its whole text there, and the
		// ticket staff make of it carries the file too.
		item := inboxMail(t, b.desk, b.addr, "lena@anderefirma.example", "support@desk.test", "Logdatei", log, "")
		_, p := b.item(t, item)
		if p.FullText == nil || p.FullText.Key == "" {
			t.Fatal("the inbox item keeps no whole text")
		}
		newID, err := ticketmail.OpenFromInbox(ctx, b.env.DB, b.t, ticketmail.Sorting{ItemID: item, CompanyID: b.a.ID,
			FirstName: "Lena", LastName: "L"}, ticketmail.Staff{ID: b.desk.admin.ID, Name: "Agent", Actor: "agent"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		check("ticket from the inbox", newID)
	})
}

// TestForeignTicketAnswerToInbox: a known contact answering someone else's ticket
// mail — another company's contact on the opener's reply address, a colleague who
// does not follow the ticket by In-Reply-To of its mail — goes to the inbox noting the
// ticket, and opens no ticket. A new ticket's title drops reply prefixes and tags.
func TestForeignTicketAnswerToInbox(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		b.env.Contact(b.t, "uwe@alpha.test", "uwe-password-1", "user", b.a)
		b.env.Contact(b.t, "ursula@beta.test", "ursula-password", "main", b.b)
		tid := b.open(t, b.as("alice@alpha.test", "alice-password"), "Pumpe")
		tk, _ := ticket.ForStaff(ctx, b.env.DB, b.t.ID, tid)
		aliceAddr := "support+" + ticket.RecipientToken(tk, "alice@alpha.test") + "@desk.test"
		var mid string
		b.env.DB.QueryRow(ctx, `SELECT message_id FROM mails WHERE ticket_id = ? AND to_addr = 'alice@alpha.test' ORDER BY id LIMIT 1`, tid).Scan(&mid)
		if mid == "" {
			t.Fatal("no ticket mail to Alice")
		}
		tickets := func() int { return count(t, b.env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, b.t.ID) }
		before := tickets()
		answers := func(from string) int64 {
			t.Helper()
			var itemID int64
			b.env.DB.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM inbox_items WHERE email = ?`, from).Scan(&itemID)
			if itemID == 0 {
				t.Fatalf("the mail from %s is not in the inbox", from)
			}
			_, p := b.item(t, itemID)
			return p.Answers
		}

		if err := sendRaw(b.addr, "ursula@beta.test", aliceAddr, "From: ursula@beta.test\nTo: "+aliceAddr+
			"\nSubject: Re: [#"+id(tid)+"]\nMessage-ID: <f-1@beta.test>\n\nDas betrifft uns auch.\n"); err != nil {
			t.Fatal(err)
		}
		if err := sendRaw(b.addr, "uwe@alpha.test", "support@desk.test", "From: uwe@alpha.test\nTo: support@desk.test"+
			"\nSubject: AW: [#"+id(tid)+"] Pumpe\nIn-Reply-To: <"+mid+">\nMessage-ID: <f-2@alpha.test>\n\nIch war vor Ort.\n"); err != nil {
			t.Fatal(err)
		}
		if n := tickets(); n != before {
			t.Fatalf("answers to another's ticket mail opened %d tickets", n-before)
		}
		if a, u := answers("ursula@beta.test"), answers("uwe@alpha.test"); a != tid || u != tid {
			t.Fatalf("inbox items note tickets %d and %d, want %d", a, u, tid)
		}
		var itemID int64
		b.env.DB.QueryRow(ctx, `SELECT MAX(id) FROM inbox_items WHERE email = 'uwe@alpha.test'`).Scan(&itemID)
		page := b.admin.Get("/admin/inbox/" + id(itemID)).Body
		if !strings.Contains(page, `id="mail-answers"`) || !strings.Contains(page, `value="`+id(tid)+`"`) {
			t.Fatal("the item neither names the ticket nor fills in its number to attach")
		}

		// Alice herself, writing anew with a reply subject, opens a ticket titled by
		// the subject alone.
		if err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test"+
			"\nSubject: AW: WG: [#99] Re: Heizung\nMessage-ID: <f-3@alpha.test>\n\nNeue Frage.\n"); err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ? AND title = 'Heizung'`, b.t.ID); n != 1 {
			t.Fatal("the new ticket's title keeps its reply prefixes or tag")
		}
	})
}

// outlookSigned is an Outlook-shaped reply: the HTML shows the signature logo by cid:
// inside multipart/related, and a real file is attached.
const outlookSigned = `Content-Type: multipart/mixed; boundary="_004_"
MIME-Version: 1.0

--_004_
Content-Type: multipart/related; boundary="_003_"; type="multipart/alternative"

--_003_
Content-Type: multipart/alternative; boundary="_000_"

--_000_
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Anbei das Foto.

Mit freundlichen Gr=FC=DFen
Alice

--_000_
Content-Type: text/html; charset="iso-8859-1"

<html><body><p>Anbei das Foto.</p><p>Mit freundlichen Gruessen<br>Alice<br><img src="cid:image001.png@01DA0000.11112222"></p></body></html>

--_000_--

--_003_
Content-Type: image/png; name="image001.png"
Content-Disposition: inline; filename="image001.png"
Content-ID: <image001.png@01DA0000.11112222>
Content-Transfer-Encoding: base64

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==

--_003_--

--_004_
Content-Type: image/jpeg; name="Pumpe.jpg"
Content-Disposition: attachment; filename="Pumpe.jpg"
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRgABAQ==

--_004_--
`

// TestMailOddities: an Outlook reply's signature logo is no ticket attachment while
// its attached photo is; a subject in an unknown charset reads as Windows-1252; a
// multipart mail without its closing boundary is taken with what came.
func TestMailOddities(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		tid := b.open(t, b.as("alice@alpha.test", "alice-password"), "Pumpe")
		tk, _ := ticket.ForStaff(ctx, b.env.DB, b.t.ID, tid)
		rcpt := "support+" + ticket.RecipientToken(tk, "alice@alpha.test") + "@desk.test"
		if err := sendRaw(b.addr, "alice@alpha.test", rcpt, "From: Alice <alice@alpha.test>\nTo: "+rcpt+
			"\nSubject: AW: Pumpe\nMessage-ID: <o-1@alpha.test>\n"+outlookSigned); err != nil {
			t.Fatal(err)
		}
		if names, _ := ticketFiles(t, b.desk, tid); strings.Join(names, "|") != "Pumpe.jpg" {
			t.Fatalf("ticket attachments %q", names)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND body LIKE 'Anbei das Foto.%'`, tid); n != 1 {
			t.Fatal("the reply's text is missing")
		}

		if err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test"+
			"\nSubject: =?x-unknown?q?Caf=E9_weird?=\nMessage-ID: <o-2@alpha.test>\nContent-Type: text/plain; charset=x-unknown\n\nGr\xfc\xdfe\n"); err != nil {
			t.Fatal(err)
		}
		var body string
		b.env.DB.QueryRow(ctx, `SELECT m.body FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id WHERE t.title = 'Café weird'`).Scan(&body)
		if body != "Grüße" {
			t.Fatalf("unknown charset: body %q", body)
		}

		err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test"+
			"\nSubject: Scan\nMessage-ID: <o-3@alpha.test>\nContent-Type: multipart/mixed; boundary=S\n\n--S\nContent-Type: text/plain\n\n"+
			"Scan vom Drucker\n--S\nContent-Type: application/pdf; name=scan.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n")
		if err != nil {
			t.Fatalf("a mail without its closing boundary was refused: %v", err)
		}
		var scan int64
		b.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Scan'`).Scan(&scan)
		if names, _ := ticketFiles(t, b.desk, scan); strings.Join(names, "|") != "scan.pdf" {
			t.Fatalf("scan attachments %q", names)
		}
		// Truly broken MIME stays refused.
		err = sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test"+
			"\nSubject: Kaputt\nMessage-ID: <o-4@alpha.test>\nContent-Type: multipart/mixed\n\nkein boundary\n")
		if err == nil || !strings.Contains(err.Error(), "550") {
			t.Fatalf("a multipart without boundary: %v", err)
		}
	})
}

// TestInboxThreadsAnswers: a stranger's answer to what staff wrote them from the inbox
// joins that item — reopened, showing the earlier mail and staff's answer before the
// new one — instead of arriving as a new, unrelated item.
func TestInboxThreadsAnswers(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		item := inboxMail(t, b.desk, b.addr, "Lena Lang <lena@anderefirma.example>", "support@desk.test", "Frage zu Wartung",
			"Bieten Sie Wartungsverträge an?", "angebot.txt")
		path := "/admin/inbox/" + id(item)
		if r := b.admin.Post(path+"/reply", map[string][]string{"reply": {"Ja, ab 12 Geräten. Wie viele haben Sie?"}}); r.Status != 303 {
			t.Fatalf("reply: %d", r.Status)
		}
		it, p := b.item(t, item)
		if it.Open() || p.ReplyMailID == 0 {
			t.Fatal("the reply did not handle the item")
		}
		var ours string
		b.env.DB.QueryRow(ctx, `SELECT message_id FROM mails WHERE id = ?`, p.ReplyMailID).Scan(&ours)

		if err := sendRaw(b.addr, "lena@anderefirma.example", "support@desk.test", "From: Lena Lang <lena@anderefirma.example>\n"+
			"To: support@desk.test\nSubject: Re: Frage zu Wartung\nMessage-ID: <lena-2@anderefirma.example>\nIn-Reply-To: <"+ours+">\n"+
			"References: <"+p.MessageID+"> <"+ours+">\nContent-Type: text/plain; charset=utf-8\n\nWir haben 15 Geräte.\n"); err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbox_items WHERE email = 'lena@anderefirma.example'`); n != 1 {
			t.Fatalf("the answer made a new item: %d items", n)
		}
		it, p = b.item(t, item)
		if !it.Open() || p.Text != "Wir haben 15 Geräte." || p.MessageID != "lena-2@anderefirma.example" || p.Reply != "" ||
			len(p.Earlier) != 1 || p.Earlier[0].Text != "Bieten Sie Wartungsverträge an?" || p.Earlier[0].Reply == "" {
			t.Fatalf("item %s, payload %+v", it.State, p)
		}
		page := b.admin.Get(path).Body
		for _, want := range []string{`id="earlier"`, "Bieten Sie Wartungsverträge an?", "Ja, ab 12 Geräten.", "Wir haben 15 Geräte.",
			`href="` + path + `/files/0"`, `name="reply"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the item page lacks %q", want)
			}
		}
		if r := b.admin.Get(path + "/files/0"); r.Status != 200 || !strings.Contains(r.Body, "Fehlercode E42") {
			t.Errorf("the earlier mail's attachment: %d", r.Status)
		}
		// Answering again threads under the new mail; a mail quoting only the first
		// mail (not staff's answer) is a new item, as is one from another address.
		if r := b.admin.Post(path+"/reply", map[string][]string{"reply": {"Dann passt der Vertrag M."}}); r.Status != 303 {
			t.Fatalf("second reply: %d", r.Status)
		}
		_, p = b.item(t, item)
		var inReplyTo string
		b.env.DB.QueryRow(ctx, `SELECT in_reply_to FROM mails WHERE id = ?`, p.ReplyMailID).Scan(&inReplyTo)
		if !strings.Contains(inReplyTo, "lena-2@anderefirma.example") {
			t.Errorf("the second answer threads under %q", inReplyTo)
		}
		if err := sendRaw(b.addr, "max@anderefirma.example", "support@desk.test", "From: max@anderefirma.example\n"+
			"To: support@desk.test\nSubject: Re: Frage zu Wartung\nMessage-ID: <max-1@anderefirma.example>\nIn-Reply-To: <"+ours+">\n\nIch auch.\n"); err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbox_items WHERE email = 'max@anderefirma.example'`); n != 1 {
			t.Fatalf("another address's mail joined the conversation")
		}
	})
}
