package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/testutil"
)

// TestInboxBlock: staff block a stranger from a mail. Blocking the address closes the
// item and the sender's other open mails (not other senders'), also when the domain
// has umlauts, and the listener then refuses their mail with 550 5.7.1, by envelope or
// From address, recording the refusal without the message. Blocking the domain is an
// admin's decision, after a confirmation; it covers its subdomains, and a known
// contact (of the domain, or behind an envelope at it) still gets through. A public
// provider's domain, a company's domain and a contact's address are refused with the
// reason next to the buttons; a contact's mail offers no block; after unblocking, the
// sender's mail is taken again.
func TestInboxBlock(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		first := b.mail(t, "Spam King <king@spam.test>", "Cheap pills")
		second := b.mail(t, "king@spam.test", "Cheap pills again")
		other := b.mail(t, "queen@spam.test", "More pills")
		path := "/admin/inbox/" + id(first)
		page := b.agent.Get(path).Body
		if !strings.Contains(page, `name="what" value="address"`) || strings.Contains(page, `value="domain"`) {
			t.Errorf("the agent's page offers the domain block (or not the address)")
		}
		if !strings.Contains(page, `aria-describedby="block-hint"`) {
			t.Errorf("the block buttons are not tied to their hint")
		}
		if page := b.admin.Get(path).Body; !strings.Contains(page, `name="what" value="domain"`) {
			t.Errorf("the admin's page lacks the domain block")
		}
		if r := b.agent.Post(path+"/block", url.Values{"what": {"domain"}, "confirm": {"yes"}}); r.Status != 404 {
			t.Errorf("an agent blocks a domain: %d, want 404", r.Status)
		}
		if r := b.agent.Post(path+"/block", url.Values{"what": {"address"}}); r.Status != 303 || r.Location != path {
			t.Fatalf("block address: %d %q", r.Status, r.Location)
		}
		for _, item := range []int64{first, second} {
			if it, _ := b.item(t, item); it.State != inbox.StateDone || it.Reason != inbox.Blocked || !strings.Contains(it.HandledBy, "helper@desk.test") {
				t.Errorf("item %d after the block: %s %q by %q", item, it.State, it.Reason, it.HandledBy)
			}
		}
		if it, _ := b.item(t, other); !it.Open() {
			t.Errorf("another sender's mail was closed")
		}
		if page := b.agent.Get(path).Body; !strings.Contains(page, `id="sender-blocked"`) || !strings.Contains(page, `id="mail-reason"`) {
			t.Errorf("the blocked item does not say so")
		}
		if n := count(t, b.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'sender_blocked' AND target = 'address:king@spam.test'`, b.t.ID); n != 1 {
			t.Errorf("audit entries of the block: %d", n)
		}
		refused := func() int {
			return count(t, b.env, `SELECT COUNT(*) FROM inbound_mails WHERE tenant_id = ? AND outcome = 'rejected'
				AND reason = 'blocked sender (address:king@spam.test)' AND raw_key = ''`, b.t.ID)
		}
		refusedBlocked(t, b.send("king@spam.test", "king@spam.test", "Pills"), "blocked envelope sender")
		refusedBlocked(t, b.send("bounces@esp.test", "King <KING@spam.test>", "Pills"), "blocked From address")
		if n := refused(); n != 2 {
			t.Errorf("refused mails recorded: %d, want 2 without the message", n)
		}
		if r := b.agent.Post("/admin/inbox/"+id(other)+"/block", url.Values{"what": {"address"}}); r.Status != 303 {
			t.Fatalf("block a second address: %d", r.Status)
		}

		// The domain, with its subdomains; a known contact of it is still taken.
		third := b.mail(t, "jack@spam.test", "Pills for you")
		b.env.Contact(b.t, "carl@spam.test", "", "user", b.b)
		r := b.admin.Post("/admin/inbox/"+id(third)+"/block", url.Values{"what": {"domain"}})
		if r.Status != 200 || !strings.Contains(r.Body, `name="confirm" value="yes"`) || !strings.Contains(r.Body, `id="confirm-open"`) {
			t.Fatalf("block domain asks no confirmation: %d", r.Status)
		}
		if it, _ := b.item(t, third); !it.Open() || count(t, b.env, `SELECT COUNT(*) FROM inbound_blocks WHERE value = 'spam.test'`) != 0 {
			t.Fatalf("the domain was blocked before the confirmation")
		}
		if r := b.admin.Post("/admin/inbox/"+id(third)+"/block", url.Values{"what": {"domain"}, "confirm": {"yes"}}); r.Status != 303 {
			t.Fatalf("block domain: %d", r.Status)
		}
		if it, _ := b.item(t, third); it.Reason != inbox.Blocked {
			t.Errorf("the domain's item: %q", it.Reason)
		}
		refusedBlocked(t, b.send("x@mail.spam.test", "x@mail.spam.test", "Sub"), "subdomain of a blocked domain")
		refusedBlocked(t, b.send("y@spam.test", "y@spam.test", "Same"), "blocked domain")
		if err := b.send("carl@spam.test", "Carl <carl@spam.test>", "Frage zur Rechnung"); err != nil {
			t.Errorf("a known contact of a blocked domain: %v", err)
		}
		if err := b.send("bounces-7@spam.test", "Alice <alice@alpha.test>", "Sent through a mailing service"); err != nil {
			t.Errorf("a contact's mail with an envelope at a blocked domain: %v", err)
		}
		if err := b.send("x@notspam.test", "x@notspam.test", "Other"); err != nil {
			t.Errorf("a domain ending like the blocked one: %v", err)
		}

		// Refused: a public provider's domain, a company's domain, a contact's address.
		public := b.mail(t, "someone@gmail.com", "Hello there")
		if page := b.agent.Get("/admin/inbox/" + id(public)).Body; strings.Contains(page, `value="domain"`) || !strings.Contains(page, `value="address"`) {
			t.Errorf("a public provider's mail offers the domain block (or not the address)")
		}
		// (Mail from a company's domain goes to the company's tickets; these items
		// came before the company got the domain, or the sender became a contact.)
		company := b.mail(t, "new@omega.test", "Hello from Omega")
		if _, err := b.env.DB.Exec(t.Context(), `UPDATE companies SET email_domains = 'omega.test' WHERE id = ?`, b.b.ID); err != nil {
			t.Fatal(err)
		}
		person := b.mail(t, "zed@zeta.test", "Hello from Zed")
		b.env.Contact(b.t, "zed@zeta.test", "", "user", b.b)
		blocks := func() int { return count(t, b.env, `SELECT COUNT(*) FROM inbound_blocks WHERE tenant_id = ?`, b.t.ID) }
		n := blocks()
		for _, c := range []struct {
			item int64
			what string
		}{{public, "domain"}, {company, "domain"}, {person, "address"}} {
			r := b.admin.Post("/admin/inbox/"+id(c.item)+"/block", url.Values{"what": {c.what}, "confirm": {"yes"}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-block" role="alert"`) {
				t.Errorf("block %s of item %d: %d", c.what, c.item, r.Status)
			}
			if it, _ := b.item(t, c.item); !it.Open() {
				t.Errorf("refused block closed item %d", c.item)
			}
		}
		if page := b.admin.Get("/admin/inbox/" + id(person)).Body; !strings.Contains(page, `id="no-block"`) || strings.Contains(page, `value="domain"`) {
			t.Errorf("a contact's mail offers a block")
		}
		if r := b.agent.Post("/admin/inbox/"+id(public)+"/block", url.Values{"what": {"everything"}}); r.Status != 404 {
			t.Errorf("unknown kind of block: %d", r.Status)
		}
		if blocks() != n {
			t.Errorf("refused blocks were stored")
		}

		// Unblocked, the domain's mail is taken again.
		var domainBlock int64
		if err := b.env.DB.QueryRow(t.Context(), `SELECT id FROM inbound_blocks WHERE tenant_id = ? AND value = 'spam.test'`, b.t.ID).Scan(&domainBlock); err != nil {
			t.Fatal(err)
		}
		if r := b.admin.Post(blockedPath+"/"+id(domainBlock)+"/remove", nil); r.Status != 303 {
			t.Fatalf("unblock: %d", r.Status)
		}
		if err := b.send("x@mail.spam.test", "x@mail.spam.test", "Back again"); err != nil {
			t.Errorf("after unblocking: %v", err)
		}
		refusedBlocked(t, b.send("king@spam.test", "king@spam.test", "Still"), "the address block stays")
		if n := count(t, b.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'sender_unblocked' AND target = 'domain:spam.test'`, b.t.ID); n != 1 {
			t.Errorf("audit entries of the unblock: %d", n)
		}
	})
}

const blockedPath = "/admin/settings/helpdesk/blocked"
