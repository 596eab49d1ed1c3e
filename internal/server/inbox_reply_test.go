package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/mailin"
	"pforte/internal/testutil"
)

// TestInboxReply: staff answer an unknown sender from the inbox. Empty or overlong text
// comes back next to the field with the text kept and sends nothing; the answer goes
// out from the tenant, to the sender, as "Re: <subject>" threaded under their
// Message-ID with replies to the support address, and the item is done (replied, by
// whom) showing what was sent; a second answer sends nothing. Automatic mail (a
// no-reply sender) is offered no answer and refused one.
func TestInboxReply(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		item := b.mail(t, "Greta Gamma <greta@gamma.test>", "Preisanfrage Wartung")
		path := "/admin/inbox/" + id(item)
		_, p := b.item(t, item)
		if page := b.agent.Get(path).Body; !strings.Contains(page, `action="`+path+`/reply"`) || !strings.Contains(page, `name="reply"`) {
			t.Fatal("the open mail offers no reply form")
		}
		mails := func() int { return count(t, b.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'greta@gamma.test'`) }

		for name, text := range map[string]string{"empty": " \n ", "too long": strings.Repeat("x", 10001)} {
			r := b.agent.Post(path+"/reply", url.Values{"reply": {text}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-reply"`) {
				t.Errorf("%s reply: %d", name, r.Status)
			}
			if name == "too long" && !strings.Contains(r.Body, strings.Repeat("x", 10001)) {
				t.Errorf("too long reply: the text is not kept")
			}
		}
		if it, _ := b.item(t, item); !it.Open() || mails() != 0 {
			t.Fatalf("bad input handled the item (%s) or sent %d mails", it.State, mails())
		}

		text := "We only support contract customers.\nPlease call sales: +49 711 123."
		r := b.agent.Post(path+"/reply", url.Values{"reply": {text}})
		if r.Status != 303 || r.Location != path {
			t.Fatalf("reply: %d %q", r.Status, r.Location)
		}
		got := b.smtp.WaitFor(t, 1, 10*time.Second)[0]
		head, _, _ := strings.Cut(string(got.Data), "\r\n\r\n")
		lower := strings.ToLower(head)
		if got.To[0] != "greta@gamma.test" || got.Subject != "Re: Preisanfrage Wartung" || !strings.Contains(strings.ReplaceAll(got.Text, "\r\n", "\n"), text) {
			t.Errorf("reply mail to %v, subject %q, text %q", got.To, got.Subject, got.Text)
		}
		for _, want := range []string{"in-reply-to: <" + strings.ToLower(p.MessageID) + ">", "references: <" + strings.ToLower(p.MessageID) + ">",
			"reply-to: <support@desk.test>", "from: \"desk\" <portal@pforte.test>"} {
			if !strings.Contains(lower, want) && !(strings.HasPrefix(want, "from:") && strings.Contains(lower, "from: desk <portal@pforte.test>")) {
				t.Errorf("reply header lacks %q:\n%s", want, head)
			}
		}
		it, p := b.item(t, item)
		if it.State != inbox.StateDone || it.Reason != inbox.Replied || !strings.Contains(it.HandledBy, "helper@desk.test") ||
			p.Reply != text || p.ReplyMailID == 0 {
			t.Errorf("item after the reply: %s %q by %q, payload reply %q", it.State, it.Reason, it.HandledBy, p.Reply)
		}
		page := b.agent.Get(path).Body
		if !strings.Contains(page, `id="replied"`) || !strings.Contains(page, "We only support contract customers.") ||
			!strings.Contains(page, `id="mail-reason"`) || strings.Contains(page, `name="reply"`) {
			t.Errorf("the handled item does not show the reply sent")
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'inbox_replied' AND target = 'greta@gamma.test'`, b.t.ID); n != 1 {
			t.Errorf("audit entries of the reply: %d", n)
		}

		// Again (a double click, a colleague): refused with who handled it, nothing sent.
		r = b.admin.Post(path+"/reply", url.Values{"reply": {"Second answer"}})
		if r.Status != 409 || !strings.Contains(r.Body, "Second answer") || !strings.Contains(r.Body, `class="flash error"`) {
			t.Errorf("second reply: %d", r.Status)
		}
		if mails() != 1 {
			t.Errorf("%d mails to the sender, want 1", mails())
		}

		// Automatic mail gets no answer.
		// (The helpdesk's router drops it on arrival; without the helpdesk it lands in
		// the inbox as such an item.)
		auto, err := inbox.Create(context.Background(), b.env.DB, inbox.Item{TenantID: b.t.ID, Kind: inbox.KindMail,
			Title: "Ihre Bestellung", Email: "noreply@shop.test"}, inbox.MailPayload{From: "noreply@shop.test",
			Subject: "Ihre Bestellung", Text: "Danke", Auto: mailin.AutoNoReply}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if page := b.agent.Get("/admin/inbox/" + id(auto)).Body; !strings.Contains(page, `id="no-reply"`) || strings.Contains(page, `name="reply"`) {
			t.Errorf("the automatic mail offers a reply")
		}
		r = b.agent.Post("/admin/inbox/"+id(auto)+"/reply", url.Values{"reply": {"Hello machine"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Hello machine") {
			t.Errorf("reply to automatic mail: %d", r.Status)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'noreply@shop.test'`); n != 0 {
			t.Errorf("%d mails to the no-reply address", n)
		}
	})
}
