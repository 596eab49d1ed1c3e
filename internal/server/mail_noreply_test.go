package server_test

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// replyTo finds a Reply-To header (not the In-Reply-To every ticket mail has).
var replyTo = regexp.MustCompile(`(?m)^Reply-To:`)

// previewText is the text part the mail template editor's preview shows.
func previewText(t *testing.T, r apptest.Response) string {
	t.Helper()
	i := strings.Index(r.Body, `<pre class="mail"`)
	if r.Status != 200 || i < 0 {
		t.Fatalf("preview: %d %s", r.Status, flashOf(r.Body))
	}
	return html.UnescapeString(r.Body[i : i+strings.Index(r.Body[i:], "</pre>")])
}

// The built-in German sentences of a ticket's mails that ask for an answer by mail,
// and the ones the mails say instead when none can come back.
const (
	receivedAsks  = "Sie können das Ticket im Kundenportal verfolgen oder einfach auf diese E-Mail antworten."
	receivedNoAsk = "Sie können das Ticket im Kundenportal verfolgen."
	replyAsks     = "Antworten Sie auf diese E-Mail oder öffnen Sie das Ticket im Portal: "
	replyNoAsk    = "Öffnen Sie das Ticket im Portal: "
)

// TestMailNoReplyHonest: while the tenant has no support address an answer by mail
// reaches nobody, so neither the mail template editor nor the mail delivered over
// SMTP asks for one — the editor starts from the wording without the sentence and
// says why, the preview shows it so, and a tenant's text that kept the built-in
// sentence is sent with the other one. With a support address the sentence is back,
// in the editor, the preview (with the line answers are typed above) and the mail,
// which then has a Reply-To.
func TestMailNoReplyHonest(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Desk", "desk.test")
		acme := env.Company(ten, "Acme AG")
		env.Contact(ten, "anna@acme.test", "anna-password-1", "main", acme)
		env.Staff(ten, staff.RoleAdmin, "admin@desk.test", "admin-password-1")
		adm := env.Client("desk.test")
		adm.AdminLogin("admin@desk.test", "admin-password-1")
		anna := env.Client("desk.test")
		anna.Login("anna@acme.test", "anna-password-1")
		seen := 0
		// next waits for the next mail to Anna, passing over mails to staff.
		next := func(what string) testutil.Received {
			t.Helper()
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
				msgs := smtp.WaitFor(t, seen+1, 10*time.Second)
				m := msgs[seen]
				seen++
				if len(m.To) == 1 && m.To[0] == "anna@acme.test" {
					return m
				}
			}
			t.Fatalf("%s: no mail to Anna", what)
			return testutil.Received{}
		}
		check := func(what, text string, want, not []string) {
			t.Helper()
			for _, s := range want {
				if !strings.Contains(text, s) {
					t.Errorf("%s without %q:\n%s", what, s, text)
				}
			}
			for _, s := range not {
				if strings.Contains(text, s) {
					t.Errorf("%s with %q:\n%s", what, s, text)
				}
			}
		}
		open := func(title string) string {
			t.Helper()
			r := anna.PostMultipart("/tickets", map[string]string{"title": title, "body": "Geht nicht.", "priority": "2"})
			if r.Status != 303 || !strings.HasPrefix(r.Location, "/tickets/") {
				t.Fatalf("ticket: %d %.300s", r.Status, r.Body)
			}
			return strings.TrimPrefix(r.Location, "/tickets/")
		}
		reply := func(id, body string) {
			t.Helper()
			if r := adm.PostMultipart("/admin/tickets/"+id+"/reply", map[string]string{"kind": "reply", "body": body}); r.Status != 303 {
				t.Fatalf("reply: %d %.300s", r.Status, r.Body)
			}
		}
		const received, replyMail = "/admin/settings/mails/ticket_received/de", "/admin/settings/mails/ticket_reply/de"
		// The tenant's text of the reply as the editor offered it while a support
		// address was set: the built-in sentence asking, and a line of its own.
		own := url.Values{"subject": {"Re: [{{ticket}}] {{title}}"}, "body": {"{{reply}}\n\n{{author}} · Ticket {{ticket}} · {{title}}\n" +
			replyAsks + "{{link}}\nIhr Team von {{portal}}"}, "button": {"Ticket öffnen"}}

		// No support address.
		page := adm.Get(received).Body
		check("editor", page, []string{`id="noreply-hint"`, receivedNoAsk, `href="/admin/settings/mail#f-support_addresses"`}, []string{receivedAsks})
		check("reply editor", adm.Get(replyMail).Body, []string{replyNoAsk + "{{link}}"}, []string{replyAsks})
		if page := adm.Get("/admin/settings/mails/ticket_status/de").Body; strings.Contains(page, "noreply-hint") {
			t.Error("a mail that asks for no answer has the note")
		}
		check("preview", previewText(t, adm.Post(replyMail+"/preview", own)), []string{replyNoAsk, "Ihr Team von Desk"}, []string{replyAsks, "##-"})
		if r := adm.Post(replyMail, own); r.Status != 303 {
			t.Fatalf("save: %d %s", r.Status, flashOf(r.Body))
		}
		id := open("Drucker")
		m := next("received")
		check("received", m.Text, []string{receivedNoAsk}, []string{"auf diese E-Mail antworten", "##-"})
		check("received (HTML)", m.HTML, []string{receivedNoAsk}, []string{"auf diese E-Mail antworten"})
		if replyTo.Match(m.Data) {
			t.Error("received: a Reply-To without a support address")
		}
		reply(id, "Bitte neu starten.")
		m = next("reply")
		check("reply", m.Text, []string{"Bitte neu starten.", replyNoAsk + "http", "Ihr Team von Desk"}, []string{replyAsks, "##-"})

		// With a support address.
		if err := tenant.SetSupportAddresses(context.Background(), env.DB, ten.ID, []string{"support@desk.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		check("editor", adm.Get(received).Body, []string{receivedAsks}, []string{"noreply-hint"})
		check("preview", previewText(t, adm.Post(replyMail+"/preview", own)), []string{replyAsks, "Ihr Team von Desk", "##- "}, nil)
		reply(id, "Und jetzt?")
		m = next("reply")
		check("reply", m.Text, []string{"Und jetzt?", replyAsks + "http", "Ihr Team von Desk", "##- "}, []string{replyNoAsk + "http"})
		if !replyTo.Match(m.Data) || !strings.Contains(string(m.Data), "support+") {
			t.Error("reply: no Reply-To to the support address")
		}
		open("Scanner")
		check("received", next("received").Text, []string{receivedAsks}, nil)
	})
}
