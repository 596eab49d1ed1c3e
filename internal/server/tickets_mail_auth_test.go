package server_test

import (
	"context"
	"net/smtp"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsByMailSenderAuth: with a trusted authserv-id set in the mail settings, a
// mail in a known contact's name (or from a company's domain) acts in that name only
// when the trusted server's Authentication-Results vouch for it. A forged one — failing
// checks, a foreign server's "pass", a "pass" the sender put below the server's own
// header — lands in the inbox marked "not verified", where staff can still make a
// ticket of it; a reply to a ticket's reply address is taken on the token alone; with
// the setting cleared the From address is trusted again.
func TestTicketsByMailSenderAuth(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()))
		_, err := d.env.DB.Exec(ctx, `UPDATE companies SET email_domains = 'alpha.test' WHERE id = ?`, d.a.ID)
		must(err)
		addr := d.env.ListenInbound()
		n := 0
		send := func(from, to, top, subject, headers string) {
			t.Helper()
			n++
			msg := top + "Received: from sender.test by mx.desk.test; " + time.Now().Format(time.RFC1123Z) + "\r\n" +
				headers + "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
				"\r\nMessage-ID: <auth-" + strings.Repeat("x", n) + "@sender.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nText " + subject + "\r\n"
			if err := smtp.SendMail(addr, nil, from, []string{to}, []byte(msg)); err != nil {
				t.Fatalf("send %q: %v", subject, err)
			}
		}
		tickets := func(title string) int {
			return count(t, d.env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ? AND title = ?`, d.t.ID, title)
		}
		lastItem := func(subject string) (inbox.Item, inbox.MailPayload) {
			t.Helper()
			var itemID int64
			d.env.DB.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM inbox_items WHERE tenant_id = ? AND kind = 'mail' AND title = ?`, d.t.ID, subject).Scan(&itemID)
			it, err := inbox.Get(ctx, d.env.DB, d.t.ID, itemID)
			if err != nil {
				t.Fatalf("no inbox item for %q: %v", subject, err)
			}
			var p inbox.MailPayload
			must(it.Decode(&p))
			return it, p
		}
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")

		// The settings page says what the setting does and that, empty, From is trusted.
		if body := adm.Get("/admin/settings/mail").Body; !strings.Contains(body, "Absenderprüfung") ||
			!strings.Contains(body, "daher gilt die Absenderadresse, wie sie ist") {
			t.Fatal("mail settings page does not explain sender authentication")
		}
		// Bad input: the error next to the field, what was typed kept, nothing stored.
		if r := adm.Post("/admin/settings/mail/inbound", url.Values{"authserv_id": {"mx desk;test"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "einzelnen Namen ohne Leerzeichen") || !strings.Contains(r.Body, `value="mx desk;test"`) {
			t.Fatalf("bad authserv-id: %d", r.Status)
		}
		// An agent may not change it; another tenant's admin changes only their own.
		d.env.Staff(d.t, staff.RoleAgent, "helper@desk.test", "helper-password")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("helper@desk.test", "helper-password")
		if r := agent.Post("/admin/settings/mail/inbound", url.Values{"authserv_id": {"evil.test"}}); r.Status != 404 {
			t.Fatalf("agent set the authserv-id: %d", r.Status)
		}
		other := d.env.Tenant("Andere", "andere.test")
		d.env.Staff(other, staff.RoleAdmin, "boss@andere.test", "boss-password")
		oc := d.env.Client("andere.test")
		oc.AdminLogin("boss@andere.test", "boss-password")
		if r := oc.Post("/admin/settings/mail/inbound", url.Values{"authserv_id": {"evil.test"}}); r.Status != 303 {
			t.Fatalf("other tenant's admin: %d", r.Status)
		}
		if s, _ := tenant.InboundAuthServID(ctx, d.env.DB, d.t.ID); s != "" {
			t.Fatalf("setting changed by others: %q", s)
		}
		if r := adm.Post("/admin/settings/mail/inbound", url.Values{"authserv_id": {" MX.Desk.Test "}}); r.Status != 303 {
			t.Fatalf("save authserv-id: %d", r.Status)
		}
		if s, _ := tenant.InboundAuthServID(ctx, d.env.DB, d.t.ID); s != "mx.desk.test" {
			t.Fatalf("stored authserv-id %q", s)
		}
		if count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'settings_changed' AND target LIKE '%authentication: off → mx.desk.test'`, d.t.ID) != 1 {
			t.Fatal("change of the setting not audited")
		}
		if body := adm.Get("/admin/settings/mail").Body; !strings.Contains(body, "Nur Mails, für die mx.desk.test bürgt") {
			t.Fatal("settings page does not show the setting on")
		}

		// 1. Forged in a known contact's name: failing checks, plus a "pass" the sender
		// wrote below the server's Received field. Inbox, not ticket.
		send("alice@alpha.test", "support@desk.test",
			"Authentication-Results: mx.desk.test; dkim=fail header.d=alpha.test;\r\n spf=softfail smtp.mailfrom=alpha.test\r\n",
			"Gefälscht eins", "Authentication-Results: mx.desk.test; dmarc=pass header.from=alpha.test\r\n")
		if tickets("Gefälscht eins") != 0 {
			t.Fatal("forged mail opened a ticket")
		}
		it, p := lastItem("Gefälscht eins")
		if p.AuthServer != "mx.desk.test" || p.AuthPass || p.AuthDetail != "dkim=fail, spf=softfail" || it.ContactID != d.alice {
			t.Fatalf("forged mail's item: contact %d, %+v", it.ContactID, p)
		}
		staffPage := adm.Get("/admin/inbox/" + id(it.ID)).Body
		if !strings.Contains(staffPage, "Absender nicht bestätigt") || !strings.Contains(staffPage, "mx.desk.test: dkim=fail, spf=softfail") {
			t.Fatal("inbox item does not show the verdict")
		}
		if list := adm.Get("/admin/inbox").Body; !strings.Contains(list, `Gefälscht eins</a> <span class="badge danger">Absender nicht bestätigt`) {
			t.Error("the inbox list does not mark the unverified mail")
		}
		if count(t, d.env, `SELECT COUNT(*) FROM inbound_mails WHERE subject = 'Gefälscht eins' AND outcome = 'inbox'
			AND auth = 'fail: dkim=fail, spf=softfail' AND reason LIKE '%sender not verified%'`) != 1 {
			t.Fatal("forged mail's record lacks the verdict")
		}
		// A foreign server's pass counts for nothing; nor does a company domain's new sender.
		send("alice@alpha.test", "support@desk.test", "Authentication-Results: mx.evil.test; dmarc=pass\r\n", "Gefälscht zwei", "")
		send("neu@alpha.test", "support@desk.test", "", "Gefälscht drei", "")
		if tickets("Gefälscht zwei")+tickets("Gefälscht drei") != 0 || count(t, d.env, `SELECT COUNT(*) FROM contacts WHERE email = 'neu@alpha.test'`) != 0 {
			t.Fatal("unverified mail acted in a contact's or domain's name")
		}
		if it3, p := lastItem("Gefälscht drei"); p.AuthDetail != "no Authentication-Results from mx.desk.test" ||
			!strings.Contains(adm.Get("/admin/inbox/"+id(it3.ID)).Body, "Kein Authentication-Results-Header von mx.desk.test") {
			t.Fatalf("no header: %+v", p)
		}
		// Staff can still make a ticket of it with the existing action; the sender, a
		// contact of the company already, is offered once, chosen.
		sortPage := adm.Get("/admin/inbox/" + id(it.ID) + "?company=" + id(d.a.ID)).Body
		if n := strings.Count(sortPage, "&lt;alice@alpha.test&gt;"); n != 1 || strings.Contains(sortPage, `value="new"`) ||
			!strings.Contains(sortPage, `value="`+id(d.alice)+`" selected`) {
			t.Errorf("the sender is offered %d times (or as a new contact, or not chosen):\n%s", n, sortPage)
		}
		if r := adm.Post("/admin/inbox/"+id(it.ID)+"/ticket", url.Values{"company_id": {id(d.a.ID)}, "contact_id": {id(d.alice)}}); r.Status != 303 ||
			tickets("Gefälscht eins") != 1 {
			t.Fatalf("ticket from unverified mail: %d", r.Status)
		}

		// 2. Authenticated (DKIM of a subdomain of the From domain): a ticket.
		send("alice@alpha.test", "support@desk.test",
			"Authentication-Results: mx.desk.test (Rspamd); dkim=pass (2048-bit key) header.d=mail.alpha.test; dmarc=none\r\n", "Echt", "")
		if tickets("Echt") != 1 {
			t.Fatal("authenticated mail opened no ticket")
		}
		var tid int64
		d.env.DB.QueryRow(ctx, `SELECT id FROM tickets WHERE title = 'Echt'`).Scan(&tid)
		tk, err := ticket.ForStaff(ctx, d.env.DB, d.t.ID, tid)
		must(err)
		messages := func() int { return count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?`, tid) }

		// 3. A reply to the ticket's reply address needs no authentication: the token is
		// the proof. The verdict is still recorded.
		replyTo := "support+" + ticket.RecipientToken(tk, "alice@alpha.test") + "@desk.test"
		send("alice@alpha.test", replyTo, "", "Re: Echt (Token)", "")
		if messages() != 2 || count(t, d.env, `SELECT COUNT(*) FROM inbound_mails WHERE subject = 'Re: Echt (Token)'
			AND outcome = 'reply' AND auth = 'fail: no Authentication-Results from mx.desk.test'`) != 1 {
			t.Fatalf("token reply: %d messages", messages())
		}
		// Quoting our Message-ID proves nothing: unverified, it goes to the inbox.
		var mid string
		d.env.DB.QueryRow(ctx, `SELECT message_id FROM mails WHERE ticket_id = ? AND to_addr = 'alice@alpha.test'`, tid).Scan(&mid)
		if mid == "" {
			t.Fatal("no ticket mail to answer")
		}
		send("alice@alpha.test", "support@desk.test", "Authentication-Results: mx.desk.test; spf=fail smtp.mailfrom=alpha.test\r\n",
			"Re: Echt (gefälscht)", "In-Reply-To: <"+mid+">\r\n")
		if messages() != 2 {
			t.Fatal("unverified answer by In-Reply-To reached the ticket")
		}
		lastItem("Re: Echt (gefälscht)")
		send("alice@alpha.test", "support@desk.test", "Authentication-Results: mx.desk.test; spf=pass smtp.mailfrom=bounce@alpha.test\r\n",
			"Re: Echt (SPF)", "In-Reply-To: <"+mid+">\r\n")
		if messages() != 3 {
			t.Fatal("authenticated answer by In-Reply-To missing")
		}

		// 4. Setting cleared: From is trusted as before.
		if r := adm.Post("/admin/settings/mail/inbound", url.Values{"authserv_id": {""}}); r.Status != 303 {
			t.Fatalf("clear authserv-id: %d", r.Status)
		}
		send("alice@alpha.test", "support@desk.test", "", "Ohne Prüfung", "")
		if tickets("Ohne Prüfung") != 1 || count(t, d.env, `SELECT COUNT(*) FROM inbound_mails WHERE subject = 'Ohne Prüfung' AND auth = ''`) != 1 {
			t.Fatal("without the setting a known contact's mail opens no ticket")
		}
	})
}
