package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/inboxmail"
	"pforte/internal/testutil"
)

// TestInboxErasedNotReopened: once a contact is erased, their mails in the inbox are
// placeholders ("deleted contact", "removed") at a placeholder address. Neither the one
// staff had marked done nor the one the erasure closed offers "Reopen", and a POST to
// /reopen is a 404 that leaves them done.
func TestInboxErasedNotReopened(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		admin := d.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		var items []int64
		for _, subject := range []string{"Rechnung", "Adresse"} {
			it, err := inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindMail, Title: subject,
				Email: "uwe@alpha.test", ContactID: d.uwe}, inbox.MailPayload{From: "uwe@alpha.test", Subject: subject, Text: "Uwes Text"}, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, it)
		}
		if r := admin.Post("/admin/inbox/"+id(items[0])+"/done", nil); r.Status != 303 {
			t.Fatalf("done: %d", r.Status)
		}
		if page := admin.Get("/admin/inbox/" + id(items[0])).Body; !strings.Contains(page, "/reopen") {
			t.Fatal("a done mail of a contact not yet erased offers no Reopen")
		}
		if r := admin.Post("/admin/contacts/"+id(d.uwe)+"/erase", url.Values{"confirm": {"uwe@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d %.300s", r.Status, r.Body)
		}
		for _, it := range items {
			path := "/admin/inbox/" + id(it)
			if page := admin.Get(path).Body; strings.Contains(page, path+"/reopen") {
				t.Errorf("item %d of an erased contact offers Reopen", it)
			}
			if r := admin.Post(path+"/reopen", nil); r.Status != 404 {
				t.Errorf("reopen item %d of an erased contact: %d", it, r.Status)
			}
			if got, err := inbox.Get(ctx, d.env.DB, d.t.ID, it); err != nil || got.Open() {
				t.Errorf("item %d after the refused reopen: open %v (%v)", it, got.Open(), err)
			}
		}
	})
}

// TestInboxUnblockStillBlocked: an agent lifts their block of an address from the mail,
// while an admin's block of the whole domain still refuses the sender. The message says
// that the sender is still blocked, not "mail from this sender is accepted again".
func TestInboxUnblockStillBlocked(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		item := b.mail(t, "lena@prospect.test", "Angebot bitte")
		path := "/admin/inbox/" + id(item)
		if r := b.agent.Post(path+"/block", url.Values{"what": {"address"}}); r.Status != 303 {
			t.Fatalf("block: %d", r.Status)
		}
		// The admin's domain block, added beside the address block already there.
		if _, err := b.env.DB.Exec(context.Background(), `INSERT INTO inbound_blocks (tenant_id, kind, value, created_by, created_at)
			VALUES (?, ?, ?, ?, ?)`, b.t.ID, inboxmail.KindDomain, "prospect.test", "Admin <agent@desk.test>", time.Now().Unix()); err != nil {
			t.Fatal(err)
		}
		if r := b.agent.Post(path+"/unblock", nil); r.Status != 303 || r.Location != path {
			t.Fatalf("unblock: %d", r.Status)
		}
		page := b.agent.Get(path).Body
		if msg := flashOf(page); strings.Contains(msg, "wieder angenommen") || !strings.Contains(msg, "weiter ab") {
			t.Errorf("unblock under a domain block: %q", msg)
		}
		refusedBlocked(t, b.send("lena@prospect.test", "lena@prospect.test", "Nochmal"), "domain still blocked")
		if n := count(t, b.env, `SELECT COUNT(*) FROM inbound_blocks WHERE tenant_id = ? AND kind = ?`, b.t.ID, inboxmail.KindAddress); n != 0 {
			t.Errorf("%d address blocks left", n)
		}
	})
}
