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
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// inboxMail sends a mail to the desk's support address over the inbound listener and
// returns the inbox item it became (0: none).
func inboxMail(t *testing.T, d *desk, addr, from, to, subject, body, file string) int64 {
	t.Helper()
	env := from
	if i := strings.IndexByte(from, '<'); i >= 0 {
		env = strings.Trim(from[i:], "<>")
	}
	msg := "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject[:3] +
		time.Now().Format("150405.000000000") + "@sender.test>\r\n"
	if file == "" {
		msg += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body
	} else {
		msg += "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
			body + "\r\n--XX\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"" + file +
			"\"\r\n\r\nFehlercode E42\r\n--XX--\r\n"
	}
	if err := smtp.SendMail(addr, nil, env, []string{to}, []byte(msg)); err != nil {
		t.Fatalf("send from %s: %v", from, err)
	}
	var id int64
	d.env.DB.QueryRow(context.Background(), `SELECT COALESCE(MAX(id), 0) FROM inbox_items WHERE kind = 'mail' AND email = ?`,
		strings.ToLower(env)).Scan(&id)
	return id
}

// TestInboxMailToTicket: staff make a ticket of a mail from an unknown sender — company
// chosen, the sender added as a contact with the name typed, the domain given to the
// company. Bad input keeps what was typed and creates nothing; a second submission
// creates no second ticket; the new contact gets the confirmation, their reply lands in
// the ticket, and the next mail from the domain goes straight to the company. Another
// mail joins an existing ticket as an internal note.
func TestInboxMailToTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		if err := tenant.SetSupportAddresses(ctx, d.env.DB, d.t.ID, []string{"support@desk.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		addr := d.env.ListenInbound()
		item := inboxMail(t, d, addr, "Greta Gamma <greta@gamma.test>", "support@desk.test", "Heizung defekt",
			"Die Heizung im Lager ist aus.", "fehler.txt")
		if item == 0 {
			t.Fatal("the unknown sender's mail is not in the inbox")
		}
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		path := "/admin/inbox/" + id(item)

		// No company has gamma.test: the form starts with the company search.
		if r := staff.Get(path + "?company=&cq=Alpha"); r.Status != 200 || !strings.Contains(r.Body, "Ticket aus dieser Mail erstellen") ||
			!strings.Contains(r.Body, "Alpha GmbH") || strings.Contains(r.Body, "Beta AG") {
			t.Fatalf("company search: %d", r.Status)
		}
		r := staff.Get(path + "?company=" + id(d.a.ID))
		for _, want := range []string{"Neuer Kontakt: greta@gamma.test", `value="Greta"`, `value="Gamma"`, "gamma.test auch zu den E-Mail-Domains"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("ticket form lacks %q", want)
			}
		}
		tickets := func() int { return count(t, d.env, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ?`, d.t.ID) }
		before := tickets()

		// Bad input: the form again with the error next to the field and the text kept.
		form := url.Values{"company_id": {id(d.a.ID)}, "contact_id": {"new"}, "first_name": {"Greta Maria"}, "last_name": {"  "}}
		if r := staff.Post(path+"/ticket", form); r.Status != 422 || !strings.Contains(r.Body, `value="Greta Maria"`) ||
			!strings.Contains(r.Body, `id="e-last_name"`) {
			t.Fatalf("empty last name: %d", r.Status)
		}
		form.Set("contact_id", id(d.bob)) // a contact of another company
		if r := staff.Post(path+"/ticket", form); r.Status != 422 || !strings.Contains(r.Body, "Bitte wählen Sie einen Kontakt dieser Firma") {
			t.Fatalf("contact of another company: %d", r.Status)
		}
		form.Set("company_id", "")
		if r := staff.Post(path+"/ticket", form); r.Status != 422 {
			t.Fatalf("no company: %d", r.Status)
		}
		if tickets() != before || count(t, d.env, `SELECT COUNT(*) FROM contacts WHERE email = 'greta@gamma.test'`) != 0 {
			t.Fatal("bad input created something")
		}

		form = url.Values{"company_id": {id(d.a.ID)}, "contact_id": {"new"}, "first_name": {"Greta"}, "last_name": {"Gamma"},
			"add_domain": {"1"}}
		r = staff.Post(path+"/ticket", form)
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets/") {
			t.Fatalf("create ticket: %d %q", r.Status, r.Location)
		}
		tid := strings.TrimPrefix(r.Location, "/admin/tickets/")
		var title, via, access string
		var contactID int64
		d.env.DB.QueryRow(ctx, `SELECT t.title, t.via, t.contact_id, m.access FROM tickets t JOIN memberships m
			ON m.contact_id = t.contact_id AND m.company_id = t.company_id WHERE t.id = ? AND t.company_id = ?`, tid, d.a.ID).
			Scan(&title, &via, &contactID, &access)
		if title != "Heizung defekt" || via != "email" || access != "none" {
			t.Fatalf("ticket %s: %q via %q, membership %q", tid, title, via, access)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND body LIKE '%Lager ist aus%'`, tid); n != 1 {
			t.Errorf("mail text in the ticket: %d", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ? AND filename = 'fehler.txt'`, tid); n != 1 {
			t.Errorf("attachment in the ticket: %d", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM contacts WHERE id = ? AND first_name = 'Greta' AND last_name = 'Gamma'
			AND email = 'greta@gamma.test'`, contactID); n != 1 {
			t.Errorf("new contact: %d", n)
		}
		it, _ := inbox.Get(ctx, d.env.DB, d.t.ID, item)
		var p inbox.MailPayload
		it.Decode(&p)
		if it.State != inbox.StateDone || !strings.Contains(it.HandledBy, "agent@desk.test") || id(p.TicketID) != tid || it.CompanyID != d.a.ID {
			t.Errorf("item after: %+v ticket %d", it, p.TicketID)
		}
		if page := staff.Get(path).Body; !strings.Contains(page, `href="/admin/tickets/`+tid+`"`) || strings.Contains(page, `/ticket" novalidate`) {
			t.Errorf("handled item page lacks the ticket link or still offers the form")
		}
		for _, action := range []string{"inbox_ticket_created", "company_domain_added"} {
			if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ?`, d.t.ID, action); n != 1 {
				t.Errorf("audit %s: %d", action, n)
			}
		}

		// A second submission (a double click, a second tab) creates nothing, and says
		// so with what was typed.
		r = staff.Post(path+"/ticket", form)
		if r.Status != 409 || tickets() != before+1 {
			t.Fatalf("second submission: %d, %d tickets", r.Status, tickets())
		}
		if !strings.Contains(r.Body, "Sie haben diesen Eintrag bereits am ") || !strings.Contains(r.Body, "Greta\nGamma</blockquote>") {
			t.Errorf("second submission's message:\n%s", flashOf(r.Body))
		}

		// The new contact got the confirmation with a reply address; the reply lands.
		subject, _ := lastMailTo(t, d.env, "greta@gamma.test")
		var replyTo string
		d.env.DB.QueryRow(ctx, `SELECT reply_to FROM mails WHERE to_addr = 'greta@gamma.test'`).Scan(&replyTo)
		if !strings.Contains(subject, "#"+tid) || !strings.HasPrefix(replyTo, "support+") {
			t.Fatalf("confirmation: %q, reply-to %q", subject, replyTo)
		}
		inboxMail(t, d, addr, "greta@gamma.test", replyTo, "Re: Heizung defekt", "Jetzt auch im Büro.", "")
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND contact_id = ? AND via = 'email'
			AND body = 'Jetzt auch im Büro.'`, tid, contactID); n != 1 {
			t.Fatalf("reply by mail not in the ticket: %d", n)
		}
		// gamma.test is Alpha's domain now: a colleague's mail opens a ticket there.
		inboxMail(t, d, addr, "hans@gamma.test", "support@desk.test", "Wasser im Keller", "Bitte kommen.", "")
		if n := count(t, d.env, `SELECT COUNT(*) FROM tickets WHERE company_id = ? AND title = 'Wasser im Keller'`, d.a.ID); n != 1 {
			t.Fatalf("next mail from the domain: %d tickets", n)
		}

		// Attach a stranger's mail to the ticket: an internal note, nobody mailed.
		other := inboxMail(t, d, addr, "Dora <dora@delta.test>", "support@desk.test", "Zur Heizung", "Ich bin der Hausmeister.", "plan.txt")
		opath := "/admin/inbox/" + id(other)
		if r := staff.Post(opath+"/attach", url.Values{"ticket_id": {"abc"}}); r.Status != 422 || !strings.Contains(r.Body, `value="abc"`) {
			t.Fatalf("ticket number abc: %d", r.Status)
		}
		if r := staff.Post(opath+"/attach", url.Values{"ticket_id": {"999999"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "Es gibt kein Ticket mit dieser Nummer") {
			t.Fatalf("unknown ticket: %d", r.Status)
		}
		// The number first shows the ticket to confirm; nothing is added yet.
		if r := staff.Post(opath+"/attach", url.Values{"ticket_id": {"#" + tid}}); r.Status != 200 ||
			!strings.Contains(r.Body, `<input type="hidden" name="confirm" value="1">`) || !strings.Contains(r.Body, "Heizung defekt") ||
			!strings.Contains(r.Body, "Alpha") || !strings.Contains(r.Body, "als interne Notiz") {
			t.Fatalf("attach, confirmation: %d %.3000s", r.Status, r.Body)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND internal`, tid); n != 0 {
			t.Fatalf("added before the confirmation: %d notes", n)
		}
		if r := staff.Post(opath+"/attach", url.Values{"ticket_id": {tid}, "confirm": {"1"}}); r.Status != 303 || r.Location != "/admin/tickets/"+tid {
			t.Fatalf("attach: %d %q", r.Status, r.Location)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND internal AND body LIKE '%dora@delta.test%'
			AND body LIKE '%Hausmeister%'`, tid); n != 1 {
			t.Errorf("internal note: %d", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ? AND filename = 'plan.txt'`, tid); n != 1 {
			t.Errorf("note's attachment: %d", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'dora@delta.test'`); n != 0 {
			t.Errorf("the stranger was mailed")
		}
		if r := staff.Post(opath+"/attach", url.Values{"ticket_id": {tid}}); r.Status != 409 || !strings.Contains(r.Body, "Sie haben diesen Eintrag bereits am ") {
			t.Errorf("second attach: %d %q", r.Status, flashOf(r.Body))
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND internal`, tid); n != 1 {
			t.Errorf("attached twice: %d notes", n)
		}
	})
}
