package server_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// lenaAnswer is Lena's answer to staff's mail ours, with a verdict of the desk's
// trusted mail server on top (auth "" for none) and an attachment when file is set.
func lenaAnswer(b *blockDesk, n, auth, ours, text, file string) error {
	msg := ""
	if auth != "" {
		msg = "Authentication-Results: mx.desk.test; " + auth + "\n"
	}
	msg += "Received: from anderefirma.example by mx.desk.test; " + time.Now().Format(time.RFC1123Z) + "\n" +
		"From: Lena Lang <lena@anderefirma.example>\nTo: support@desk.test\nSubject: Re: Frage zu Wartung\n" +
		"Message-ID: <lena-" + n + "@anderefirma.example>\nIn-Reply-To: <" + ours + ">\n"
	if file == "" {
		msg += "Content-Type: text/plain; charset=utf-8\n\n" + text + "\n"
	} else {
		msg += "Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain; charset=utf-8\n\n" + text +
			"\n--XX\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"" + file + "\"\n\nInhalt " + file + "\n--XX--\n"
	}
	return sendRaw(b.addr, "lena@anderefirma.example", "support@desk.test", msg)
}

// replyToLena has staff answer inbox item item and returns the Message-ID of that answer.
func replyToLena(t *testing.T, b *blockDesk, item int64, text string) string {
	t.Helper()
	if r := b.admin.Post("/admin/inbox/"+id(item)+"/reply", map[string][]string{"reply": {text}}); r.Status != 303 {
		t.Fatalf("reply: %d", r.Status)
	}
	_, p := b.item(t, item)
	var ours string
	b.env.DB.QueryRow(context.Background(), `SELECT message_id FROM mails WHERE id = ?`, p.ReplyMailID).Scan(&ours)
	return ours
}

// TestInboxThreadNeedsVerifiedSender: with a trusted mail server set, an answer to
// staff's mail whose sender check failed (a forged From with a known Message-ID) makes
// an item of its own and leaves the conversation alone; a verified answer joins it, and
// the earlier mail keeps its verdict on the page.
func TestInboxThreadNeedsVerifiedSender(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		if err := tenant.SetInboundAuthServID(ctx, b.env.DB, b.t.ID, "mx.desk.test"); err != nil {
			t.Fatal(err)
		}
		pass := "dmarc=pass header.from=anderefirma.example"
		if err := sendRaw(b.addr, "lena@anderefirma.example", "support@desk.test", "Authentication-Results: mx.desk.test; "+pass+
			"\nReceived: from anderefirma.example by mx.desk.test; "+time.Now().Format(time.RFC1123Z)+
			"\nFrom: Lena Lang <lena@anderefirma.example>\nTo: support@desk.test\nSubject: Frage zu Wartung\n"+
			"Message-ID: <lena-1@anderefirma.example>\n\nBieten Sie Wartungsverträge an?\n"); err != nil {
			t.Fatal(err)
		}
		var item int64
		b.env.DB.QueryRow(ctx, `SELECT MAX(id) FROM inbox_items WHERE email = 'lena@anderefirma.example'`).Scan(&item)
		ours := replyToLena(t, b, item, "Ja, ab 12 Geräten.")

		if err := lenaAnswer(b, "forged", "dmarc=fail header.from=anderefirma.example", ours, "GEFÄLSCHT: bitte an mich zahlen", ""); err != nil {
			t.Fatal(err)
		}
		it, p := b.item(t, item)
		if it.Open() || len(p.Earlier) != 0 || p.Text != "Bieten Sie Wartungsverträge an?" {
			t.Fatalf("the forged answer changed the item: %s, %+v", it.State, p)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbox_items WHERE email = 'lena@anderefirma.example'`); n != 2 {
			t.Fatalf("the forged answer is not an item of its own: %d items", n)
		}

		if err := lenaAnswer(b, "2", pass, ours, "Wir haben 15 Geräte.", ""); err != nil {
			t.Fatal(err)
		}
		it, p = b.item(t, item)
		if !it.Open() || len(p.Earlier) != 1 || !p.Earlier[0].AuthPass || p.Earlier[0].AuthServer != "mx.desk.test" || !p.AuthPass {
			t.Fatalf("the verified answer: %s, %+v", it.State, p)
		}
		page := b.admin.Get("/admin/inbox/" + id(item)).Body
		earlier := page[strings.Index(page, `id="earlier"`):]
		if !strings.Contains(earlier, "Absender bestätigt") || !strings.Contains(earlier, "mx.desk.test") {
			t.Error("the earlier mail no longer shows its sender check")
		}
	})
}

// TestNoOrphanMailFiles: a short answer under a long quoted history stores no
// whole-text file (nothing would carry it), and an automatic mail the helpdesk ignores
// keeps only its raw message, not its attachments.
func TestNoOrphanMailFiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		tid := b.open(t, b.as("alice@alpha.test", "alice-password"), "Pumpe")
		tk, _ := ticket.ForStaff(ctx, b.env.DB, b.t.ID, tid)
		rcpt := "support+" + ticket.RecipientToken(tk, "alice@alpha.test") + "@desk.test"
		quote := "> " + strings.ReplaceAll(strings.TrimSuffix(longLog(), "\n"), "\n", "\n> ")
		before := storedFiles(t, b.env)
		if err := sendRaw(b.addr, "alice@alpha.test", rcpt, "From: alice@alpha.test\nTo: "+rcpt+"\nSubject: Re: Pumpe\n"+
			"Message-ID: <short-1@alpha.test>\nContent-Type: text/plain; charset=utf-8\n\nDanke, geht wieder.\n\n"+
			"Am 02.06.2025 um 10:00 schrieb Support <support@desk.test>:\n"+quote+"\n"); err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND body = 'Danke, geht wieder.'`, tid); n != 1 {
			t.Fatal("the short answer did not land")
		}
		if names, _ := ticketFiles(t, b.desk, tid); len(names) != 0 {
			t.Errorf("the short answer carries files %q", names)
		}
		if got := storedFiles(t, b.env) - before; got != 1 {
			t.Errorf("the short answer stored %d files, want 1 (the raw message)", got)
		}

		before = storedFiles(t, b.env)
		if err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test\n"+
			"Subject: Abwesend\nAuto-Submitted: auto-replied\nMessage-ID: <auto-1@alpha.test>\n"+
			"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nIch bin im Urlaub.\n"+
			"--XX\nContent-Type: image/png; name=logo.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--XX--\n"); err != nil {
			t.Fatal(err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbound_mails WHERE subject = 'Abwesend' AND outcome = 'ignored' AND raw_key <> ''`); n != 1 {
			t.Fatal("the automatic mail was not recorded as ignored")
		}
		if got := storedFiles(t, b.env) - before; got != 1 {
			t.Errorf("the ignored mail left %d files, want 1 (the raw message)", got)
		}
	})
}

// TestCutMailNoted: a mail that ended before its closing boundary is taken and says
// so on the ticket message and on the inbox item; a broken part in a mail that came
// whole is refused as before.
func TestCutMailNoted(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		cut := "\nContent-Type: multipart/mixed; boundary=S\n\n--S\nContent-Type: text/plain\n\nScan vom Drucker\n" +
			"--S\nContent-Type: application/pdf; name=scan.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKJVBER"
		if err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test"+
			"\nSubject: Scan\nMessage-ID: <cut-1@alpha.test>"+cut); err != nil {
			t.Fatalf("the cut mail was refused: %v", err)
		}
		note := i18n.For(b.t.DefaultLanguage).T("ticketmail.incomplete")
		var body string
		b.env.DB.QueryRow(ctx, `SELECT m.body FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id WHERE t.title = 'Scan'`).Scan(&body)
		if body != note+"\n\nScan vom Drucker" {
			t.Fatalf("ticket message %q", body)
		}
		if err := sendRaw(b.addr, "lena@anderefirma.example", "support@desk.test", "From: lena@anderefirma.example\nTo: support@desk.test"+
			"\nSubject: Scan Lena\nMessage-ID: <cut-2@anderefirma.example>"+cut); err != nil {
			t.Fatalf("the stranger's cut mail was refused: %v", err)
		}
		var item int64
		b.env.DB.QueryRow(ctx, `SELECT MAX(id) FROM inbox_items WHERE email = 'lena@anderefirma.example'`).Scan(&item)
		if _, p := b.item(t, item); !p.Cut {
			t.Fatal("the inbox item does not know the mail was cut")
		}
		if page := b.admin.Get("/admin/inbox/" + id(item)).Body; !strings.Contains(page, `id="mail-cut"`) || !strings.Contains(page, "Unvollständig") {
			t.Error("the inbox item does not say the mail arrived incomplete")
		}
		err := sendRaw(b.addr, "alice@alpha.test", "support@desk.test", "From: alice@alpha.test\nTo: support@desk.test"+
			"\nSubject: Kaputt\nMessage-ID: <cut-3@alpha.test>\nContent-Type: multipart/mixed; boundary=S\n\n--S\nContent-Type: text/plain\n\nhallo\n"+
			"--S\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nQUJDRE\n"+
			"--S\nContent-Type: application/pdf; name=b.pdf\nContent-Transfer-Encoding: base64\n\nQUJDRA==\n--S--\n")
		if err == nil || !strings.Contains(err.Error(), "550") {
			t.Fatalf("a broken part in a whole mail: %v", err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM tickets WHERE title = 'Kaputt'`); n != 0 {
			t.Fatal("the broken mail opened a ticket")
		}
	})
}

// TestInboxThreadNumbersAndBound: the download numbers of a conversation's files stay
// when an answer joins (a page opened before still downloads what it shows); answers
// sent at once both join; a conversation that holds inbox.MaxTurns mails takes no more:
// the next answer is a new item naming it.
func TestInboxThreadNumbersAndBound(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		item := inboxMail(t, b.desk, b.addr, "Lena Lang <lena@anderefirma.example>", "support@desk.test", "Frage zu Wartung",
			"Bieten Sie Wartungsverträge an?", "erste.txt")
		path := "/admin/inbox/" + id(item)
		if page := b.admin.Get(path).Body; !strings.Contains(page, `href="`+path+`/files/0"`) {
			t.Fatal("the first mail's attachment is not file 0")
		}
		ours := replyToLena(t, b, item, "Ja. Wie viele Geräte?")
		if err := lenaAnswer(b, "2", "", ours, "Wir haben 15 Geräte.", "zweite.txt"); err != nil {
			t.Fatal(err)
		}
		for n, want := range []string{"Fehlercode E42", "Inhalt zweite.txt"} {
			if r := b.admin.Get(path + "/files/" + id(int64(n))); r.Status != 200 || !strings.Contains(r.Body, want) {
				t.Errorf("file %d after the join: %d %q", n, r.Status, r.Body)
			}
		}
		if page := b.admin.Get(path).Body; !strings.Contains(page, `href="`+path+`/files/1" download>zweite.txt`) {
			t.Error("the current mail's attachment is not linked as file 1")
		}

		var wg sync.WaitGroup
		errs := make([]error, 2)
		for k := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[k] = lenaAnswer(b, "par-"+id(int64(k)), "", ours, "Parallel "+id(int64(k)), "")
			}()
		}
		wg.Wait()
		if errs[0] != nil || errs[1] != nil {
			t.Fatal(errs)
		}
		_, p := b.item(t, item)
		texts := p.Text
		for _, turn := range p.Earlier {
			texts += "|" + turn.Text
		}
		if len(p.Earlier) != 3 || !strings.Contains(texts, "Parallel 0") || !strings.Contains(texts, "Parallel 1") {
			t.Fatalf("answers at once: %d earlier, texts %q", len(p.Earlier), texts)
		}

		for k := len(p.Earlier) + 1; k < inbox.MaxTurns; k++ {
			if err := lenaAnswer(b, "more-"+id(int64(k)), "", ours, "Noch etwas "+id(int64(k)), ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, p = b.item(t, item); len(p.Earlier)+1 != inbox.MaxTurns {
			t.Fatalf("the conversation holds %d mails, want %d", len(p.Earlier)+1, inbox.MaxTurns)
		}
		if err := lenaAnswer(b, "over", "", ours, "Eine zu viel", ""); err != nil {
			t.Fatal(err)
		}
		if _, p = b.item(t, item); len(p.Earlier)+1 != inbox.MaxTurns {
			t.Fatalf("the full conversation grew to %d mails", len(p.Earlier)+1)
		}
		var next int64
		b.env.DB.QueryRow(context.Background(), `SELECT MAX(id) FROM inbox_items WHERE email = 'lena@anderefirma.example'`).Scan(&next)
		_, np := b.item(t, next)
		if next == item || np.Follows != item || np.Text != "Eine zu viel" {
			t.Fatalf("the answer past the bound: item %d, %+v", next, np)
		}
		if page := b.admin.Get("/admin/inbox/" + id(next)).Body; !strings.Contains(page, `id="mail-follows"`) || !strings.Contains(page, `href="`+path+`"`) {
			t.Error("the new item does not name the full conversation")
		}
	})
}
