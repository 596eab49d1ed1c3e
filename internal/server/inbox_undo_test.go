package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInboxReopenDone: "Mark as done" sits in its own card and asks first; a done mail
// offers "Reopen" (and nothing else to act on); an agent reopens it, which is logged
// and named on the page, and the mail's actions are back. A second click changes
// nothing; a rejected registration and a mail made into a ticket cannot be reopened.
func TestInboxReopenDone(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		d.env.Staff(d.t, staff.RoleAgent, "kim@desk.test", "kim-password")
		kim := d.env.Client("desk.test")
		kim.AdminLogin("kim@desk.test", "kim-password")
		mail, err := inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindMail, Title: "Angebot",
			Email: "lena@prospect.test"}, inbox.MailPayload{From: "lena@prospect.test", Subject: "Angebot", Text: "Bitte ein Angebot."}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		path := "/admin/inbox/" + id(mail)
		page := kim.Get(path).Body
		if !strings.Contains(page, `<section class="card" aria-labelledby="done-h" id="done">`) ||
			!regexp.MustCompile(`action="`+path+`/done" data-confirm="[^"]*Postkorb`).MatchString(page) {
			t.Fatalf("done card without its confirmation:\n%s", page[max(0, strings.Index(page, `id="done"`)-50):])
		}
		if strings.Contains(page, path+"/reopen") {
			t.Error("an open mail offers Reopen")
		}
		if r := kim.Post(path+"/done", nil); r.Status != 303 {
			t.Fatalf("done: %d", r.Status)
		}
		page = kim.Get(path).Body
		if !strings.Contains(page, `action="`+path+`/reopen"`) || strings.Contains(page, `action="`+path+`/attach"`) ||
			strings.Contains(page, `action="`+path+`/done"`) {
			t.Fatalf("done mail: reopen missing or actions left")
		}

		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		if r := agent.Post(path+"/reopen", nil); r.Status != 303 || r.Location != path {
			t.Fatalf("reopen: %d %q", r.Status, r.Location)
		}
		if it, _ := inbox.Get(ctx, d.env.DB, d.t.ID, mail); !it.Open() || it.HandledBy != "" {
			t.Fatalf("after reopen: %+v", it)
		}
		page = agent.Get(path).Body
		if !strings.Contains(page, "Der Eintrag ist wieder offen.") || !strings.Contains(page, `action="`+path+`/attach"`) ||
			!strings.Contains(page, `action="`+path+`/reply"`) || !strings.Contains(page, "Wieder geöffnet") ||
			!regexp.MustCompile(`id="reopened">.*agent@desk.test`).MatchString(page) {
			t.Errorf("reopened mail: %q", flashOf(page))
		}
		if r := kim.Post(path+"/reopen", nil); r.Status != 303 {
			t.Fatalf("second reopen: %d", r.Status)
		}
		if page := kim.Get(path).Body; !strings.Contains(page, "bereits offen") {
			t.Errorf("second reopen: %q", flashOf(page))
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'inbox_reopened' AND target = ?`,
			d.t.ID, "inbox:"+id(mail)); n != 1 {
			t.Errorf("reopen logged %d times", n)
		}
		if log := agent.Get("/admin/audit").Body; !strings.Contains(log, "Postkorb-Eintrag wieder geöffnet") ||
			!strings.Contains(log, `href="`+path+`">#`+id(mail)+`</a>`) {
			t.Error("the audit log does not show the reopening with a link")
		}

		// What cannot be reopened: a decided registration, a mail that became a ticket.
		reg, err := inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindRegistration, Title: "Rita",
			Email: "rita@rho.test"}, access.RegistrationPayload{FirstName: "Rita", LastName: "Rho", Email: "rita@rho.test",
			Company: "Rho KG", Language: "de"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if r := kim.Post("/admin/inbox/"+id(reg)+"/reject", url.Values{"reason": {"Kein Kunde"}}); r.Status != 303 {
			t.Fatalf("reject: %d", r.Status)
		}
		if page := kim.Get("/admin/inbox/" + id(reg)).Body; strings.Contains(page, "/reopen") {
			t.Error("a rejected registration offers Reopen")
		}
		if r := kim.Post("/admin/inbox/"+id(reg)+"/reopen", nil); r.Status != 404 {
			t.Errorf("reopen a registration: %d", r.Status)
		}
		ticketed, err := inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindMail, Title: "Drucker",
			Email: "x@prospect.test"}, inbox.MailPayload{From: "x@prospect.test", Subject: "Drucker", TicketID: 1}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.env.DB.Exec(ctx, `UPDATE inbox_items SET state = 'done' WHERE id = ?`, ticketed); err != nil {
			t.Fatal(err)
		}
		if r := kim.Post("/admin/inbox/"+id(ticketed)+"/reopen", nil); r.Status != 404 {
			t.Errorf("reopen a ticketed mail: %d", r.Status)
		}
	})
}

// TestInboxUnblockFromMail: blocking an address asks first (open mails closed, future
// mail refused); the mail's page then says who blocked it and offers "Unblock" to that
// agent and to admins, not to another agent, who is refused with 404. Unblocking is
// logged and lets the sender's mail in again.
func TestInboxUnblockFromMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		b.env.Staff(b.t, staff.RoleAgent, "other@desk.test", "other-password")
		other := b.env.Client("desk.test")
		other.AdminLogin("other@desk.test", "other-password")
		item := b.mail(t, "lena@prospect.test", "Angebot bitte")
		path := "/admin/inbox/" + id(item)
		page := b.agent.Get(path).Body
		if !regexp.MustCompile(`value="address"[^>]*data-confirm="lena@prospect.test sperren\? Offene Mails`).MatchString(page) {
			t.Fatalf("address block without confirmation")
		}
		if r := b.agent.Post(path+"/block", url.Values{"what": {"address"}}); r.Status != 303 {
			t.Fatalf("block: %d", r.Status)
		}
		refusedBlocked(t, b.send("lena@prospect.test", "lena@prospect.test", "Nochmal"), "blocked address")
		page = b.agent.Get(path).Body
		if !strings.Contains(page, `action="`+path+`/unblock"`) || !strings.Contains(page, "Gesperrt von") ||
			!strings.Contains(page, "helper@desk.test") {
			t.Fatalf("blocking agent is not offered Unblock")
		}
		if page := other.Get(path).Body; strings.Contains(page, "/unblock") {
			t.Error("another agent is offered Unblock")
		}
		if r := other.Post(path+"/unblock", nil); r.Status != 404 {
			t.Errorf("another agent unblocks: %d", r.Status)
		}
		if r := b.agent.Post(path+"/unblock", nil); r.Status != 303 || r.Location != path {
			t.Fatalf("unblock: %d", r.Status)
		}
		if page := b.agent.Get(path).Body; !strings.Contains(page, "Die Sperre ist aufgehoben") ||
			!strings.Contains(page, `value="address"`) {
			t.Errorf("after unblock: %q", flashOf(page))
		}
		if err := b.send("lena@prospect.test", "lena@prospect.test", "Wieder da"); err != nil {
			t.Errorf("mail after unblock: %v", err)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'sender_unblocked'`, b.t.ID); n != 1 {
			t.Errorf("unblock logged %d times", n)
		}
		if r := b.agent.Post(path+"/unblock", nil); r.Status != 303 {
			t.Errorf("unblock twice: %d", r.Status)
		}
		// An admin may lift an agent's block from the mail too.
		if r := b.agent.Post(path+"/block", url.Values{"what": {"address"}}); r.Status != 303 {
			t.Fatalf("block again: %d", r.Status)
		}
		if page := b.admin.Get(path).Body; !strings.Contains(page, `action="`+path+`/unblock"`) {
			t.Error("admin is not offered Unblock")
		}
		if r := b.admin.Post(path+"/unblock", nil); r.Status != 303 {
			t.Errorf("admin unblock: %d", r.Status)
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbound_blocks WHERE tenant_id = ?`, b.t.ID); n != 0 {
			t.Errorf("%d blocks left", n)
		}
	})
}

// TestInboxNewCompanyMainContact: a registration no company matches offers "Create
// company and approve" with the role Main contact chosen (the company has nobody
// else), while the approve form into an existing company keeps User.
func TestInboxNewCompanyMainContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		c := d.env.Client("desk.test")
		c.AdminLogin("agent@desk.test", "agent-password")
		reg, err := inbox.Create(context.Background(), d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindRegistration,
			Title: "Gerd", Email: "gerd@gerds-laden.test"}, access.RegistrationPayload{FirstName: "Gerd", LastName: "Laden",
			Email: "gerd@gerds-laden.test", Company: "Gerds Laden", Language: "de"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		page := c.Get("/admin/inbox/" + id(reg)).Body
		selected := func(sel string) string {
			m := regexp.MustCompile(`(?s)<select id="` + sel + `" name="role".*?</select>`).FindString(page)
			if o := regexp.MustCompile(`<option value="(\w+)" selected`).FindStringSubmatch(m); o != nil {
				return o[1]
			}
			return "(none) " + m
		}
		if got := selected("f-new-role"); got != "main" {
			t.Errorf("new company's role: %s", got)
		}
		if got := selected("f-role"); got != "user" {
			t.Errorf("approve form's role: %s", got)
		}
		// A refused new-company form keeps what staff chose there.
		r := c.Post("/admin/inbox/"+id(reg)+"/approve-new", url.Values{"company_name": {" "}, "role": {"user"}})
		if r.Status != 422 {
			t.Fatalf("empty name: %d", r.Status)
		}
		page = r.Body
		if got := selected("f-new-role"); got != "user" {
			t.Errorf("refused form's role: %s", got)
		}
	})
}
