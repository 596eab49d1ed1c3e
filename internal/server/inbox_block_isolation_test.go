package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/inbox"
	"pforte/internal/inboxmail"
)

// inboxBlockAdminForeign blocks a sender in tenant B and returns the routes of
// answering and blocking senders with tenant B's mail item and block in the path.
func inboxBlockAdminForeign(t *testing.T, w *world, tenantB, mailItemB int64) map[string]string {
	t.Helper()
	e := inboxmail.Entry{Kind: inboxmail.KindDomain, Value: "b-spam.test", Field: "value"}
	by := inboxmail.Staff{By: inbox.By{Name: "B"}, Actor: "staff:b"}
	blockB, _, err := inboxmail.Add(context.Background(), w.env.DB, tenantB, e, by, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"POST /admin/inbox/{id}/reply":                      "/admin/inbox/" + id(mailItemB) + "/reply",
		"POST /admin/inbox/{id}/block":                      "/admin/inbox/" + id(mailItemB) + "/block",
		"POST /admin/settings/helpdesk/blocked/{id}/remove": "/admin/settings/helpdesk/blocked/" + id(blockB) + "/remove",
	}
}

// inboxBlockIsolation: tenant A's admin sees none of tenant B's blocks, and tenant B's
// mail item and block are as they were after the foreign posts.
func inboxBlockIsolation(t *testing.T, w *world, staffA *apptest.Client, tenantB, mailItemB int64) {
	t.Helper()
	if page := staffA.Get("/admin/settings/helpdesk/blocked").Body; strings.Contains(page, "b-spam.test") {
		t.Errorf("tenant A's list shows tenant B's block")
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM inbound_blocks WHERE tenant_id = ?`, tenantB); n != 1 {
		t.Errorf("tenant B's blocks: %d, want 1", n)
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM inbox_items WHERE id = ? AND state = 'open'`, mailItemB); n != 1 {
		t.Errorf("tenant B's mail item was handled")
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'carol@b1.test' AND subject LIKE 'Re:%'`); n != 0 {
		t.Errorf("a reply went to tenant B's sender")
	}
}
