package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestBlockedSenders: the list of blocked senders among the helpdesk settings, for
// admins only: each entry with who blocked it, and the mail it came from; an admin adds
// an address or domain by hand, and bad input comes back next to the field as typed
// with nothing stored.
func TestBlockedSenders(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		item := b.mail(t, "spam@spam.test", "Pills")
		if r := b.agent.Post("/admin/inbox/"+id(item)+"/block", url.Values{"what": {"address"}}); r.Status != 303 {
			t.Fatalf("block: %d", r.Status)
		}
		if r := b.agent.Get(blockedPath); r.Status != 404 {
			t.Errorf("agent on the list: %d, want 404", r.Status)
		}
		if r := b.agent.Post(blockedPath, url.Values{"value": {"x.example"}}); r.Status != 404 {
			t.Errorf("agent adds a block: %d, want 404", r.Status)
		}
		if !strings.Contains(b.admin.Get("/admin/settings/helpdesk").Body, `href="`+blockedPath+`"`) {
			t.Errorf("the helpdesk settings do not link the list")
		}
		page := b.admin.Get(blockedPath).Body
		for _, want := range []string{"spam@spam.test", "helper@desk.test", `href="/admin/inbox/` + id(item) + `"`, "/remove\"",
			`<span class="sr-only"> <span dir="ltr">spam@spam.test</span></span></button>`} {
			if !strings.Contains(page, want) {
				t.Errorf("list lacks %q", want)
			}
		}

		blocks := func() int { return count(t, b.env, `SELECT COUNT(*) FROM inbound_blocks WHERE tenant_id = ?`, b.t.ID) }
		for _, c := range []struct{ ok, typed, value string }{
			{"ok", "Junk@Example.ORG", "junk@example.org"},
			{"ok", "@junk.example", "junk.example"},
			{"ok", "münchen-spam.example", "xn--mnchen-spam-thb.example"},
		} {
			if r := b.admin.Post(blockedPath, url.Values{"value": {c.typed}}); r.Status != 303 {
				t.Errorf("add %q: %d", c.typed, r.Status)
			}
			if n := count(t, b.env, `SELECT COUNT(*) FROM inbound_blocks WHERE tenant_id = ? AND value = ?`, b.t.ID, c.value); n != 1 {
				t.Errorf("%q stored as %q: %d", c.typed, c.value, n)
			}
		}
		n := blocks()
		for _, typed := range []string{
			"",                                    // empty
			"spam@",                               // malformed address
			"a@b",                                 // no domain name
			"two words.example",                   // malformed domain
			"localhost",                           // one label
			strings.Repeat("a", 250) + ".example", // too long
			"gmail.com",                           // public provider
			"co.uk",                               // public suffix
			"alpha.test",                          // a company's domain
			"test",                                // a top-level domain
			"alice@alpha.test",                    // a contact's address
			"desk.test",                           // the tenant's own domain (support, staff)
			"helper@desk.test",                    // a staff member
			"support@desk.test",                   // the support address
			"junk@example.org",                    // duplicate
			"JUNK.example",                        // duplicate domain, other case
			"x@mail.junk.example",                 // covered by a domain block
			"mail.junk.example",                   // subdomain of a blocked domain
			"spam@spam.test",                      // blocked from a mail
			"evil\x01@x.example",                  // control character
		} {
			r := b.admin.Post(blockedPath, url.Values{"value": {typed}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-value"`) {
				t.Errorf("add %q: %d, want 422 with the error at the field", typed, r.Status)
				continue
			}
			if typed != "" && !strings.Contains(r.Body, `value="`+html.EscapeString(strings.TrimSpace(typed))+`"`) &&
				!strings.Contains(typed, "\x01") {
				t.Errorf("add %q: what was typed is not kept", typed)
			}
		}
		if blocks() != n {
			t.Errorf("bad input stored %d blocks", blocks()-n)
		}
		// Added by hand: no mail, so the list says so; it can be lifted like any.
		var junk int64
		if err := b.env.DB.QueryRow(t.Context(), `SELECT id FROM inbound_blocks WHERE tenant_id = ? AND value = 'junk.example'`, b.t.ID).Scan(&junk); err != nil {
			t.Fatal(err)
		}
		if r := b.admin.Post(blockedPath+"/"+id(junk)+"/remove", nil); r.Status != 303 || blocks() != n-1 {
			t.Errorf("unblock: %d, %d blocks", r.Status, blocks())
		}
		if r := b.admin.Post(blockedPath+"/"+id(junk)+"/remove", nil); r.Status != 404 {
			t.Errorf("unblock twice: %d, want 404", r.Status)
		}
	})
}
