package server_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/testutil"
)

// TestInboxBlockEdges: a sender whose domain has umlauts is blocked like any (the items
// keep the address as written, the block stores it in ASCII, and the mail is closed);
// the tenant's own addresses and domain are never offered nor blocked; a mail without
// sender address says so; the reply form warns when the mail server did not vouch for
// the From address.
func TestInboxBlockEdges(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		first := b.mail(t, "x@münchen-spam.test", "Billig")
		second := b.mail(t, "X@MÜNCHEN-SPAM.test", "Billig again")
		other := b.mail(t, "y@sub.münchen-spam.test", "Noch billiger")
		if r := b.agent.Post("/admin/inbox/"+id(first)+"/block", url.Values{"what": {"address"}}); r.Status != 303 {
			t.Fatalf("block an address with umlauts: %d", r.Status)
		}
		for _, item := range []int64{first, second} {
			if it, _ := b.item(t, item); it.State != inbox.StateDone || it.Reason != inbox.Blocked {
				t.Errorf("item %d after blocking its address: %s %q", item, it.State, it.Reason)
			}
		}
		if it, _ := b.item(t, other); !it.Open() {
			t.Errorf("another address's item was closed")
		}
		r := b.admin.Post("/admin/inbox/"+id(other)+"/block", url.Values{"what": {"domain"}})
		if r.Status != 200 || !strings.Contains(r.Body, "xn--mnchen-spam-thb.test") {
			t.Errorf("domain confirmation: %d", r.Status)
		}
		if r := b.admin.Post("/admin/inbox/"+id(other)+"/block", url.Values{"what": {"domain"}, "confirm": {"yes"}}); r.Status != 303 {
			t.Fatalf("block a domain with umlauts: %d", r.Status)
		}
		if it, _ := b.item(t, other); it.State != inbox.StateDone || it.Reason != inbox.Blocked {
			t.Errorf("the subdomain's item after blocking the domain: %s %q", it.State, it.Reason)
		}
		refusedBlocked(t, b.send("z@mail.sub.münchen-spam.test", "z@mail.sub.münchen-spam.test", "Wieder"), "a blocked domain with umlauts")

		// The tenant's own: a staff member's mail to support offers no block, and none is taken.
		own := b.mail(t, "helper@desk.test", "Intern")
		if page := b.admin.Get("/admin/inbox/" + id(own)).Body; !strings.Contains(page, `id="no-block"`) || strings.Contains(page, `name="what"`) {
			t.Errorf("a staff member's mail offers a block")
		}
		for _, what := range []string{"address", "domain"} {
			r := b.admin.Post("/admin/inbox/"+id(own)+"/block", url.Values{"what": {what}, "confirm": {"yes"}})
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-block"`) {
				t.Errorf("block the tenant's own %s: %d", what, r.Status)
			}
		}
		if err := b.send("agent@desk.test", "agent@desk.test", "Von innen"); err != nil {
			t.Errorf("staff mail to support: %v", err)
		}

		// No sender address; a From address the mail server did not vouch for.
		ctx, now := t.Context(), time.Now()
		nobody, err := inbox.Create(ctx, b.env.DB, inbox.Item{TenantID: b.t.ID, Kind: inbox.KindMail, Title: "Leer"},
			inbox.MailPayload{Subject: "Leer", Text: "?"}, now)
		if err != nil {
			t.Fatal(err)
		}
		if page := b.agent.Get("/admin/inbox/" + id(nobody)).Body; !strings.Contains(page, `id="no-sender"`) || strings.Contains(page, `id="no-block"`) {
			t.Errorf("a mail without sender does not say so")
		}
		for pass, want := range map[bool]bool{false: true, true: false} {
			item, err := inbox.Create(ctx, b.env.DB, inbox.Item{TenantID: b.t.ID, Kind: inbox.KindMail, Title: "Hallo", Email: "greta@gamma.test"},
				inbox.MailPayload{From: "greta@gamma.test", Subject: "Hallo", Text: "?", AuthServer: "mx.desk.test", AuthPass: pass}, now)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(b.agent.Get("/admin/inbox/"+id(item)).Body, `id="reply-unverified"`); got != want {
				t.Errorf("sender vouched for %v: warning shown %v", pass, got)
			}
		}
	})
}
