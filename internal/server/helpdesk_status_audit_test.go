package server_test

import (
	"context"
	"net/url"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestHelpdeskStatusAudit: the audit log says what a status save changed — added with
// which kind and visibility, then kind and portal visibility changed — so the entries
// of different edits of one status can be told apart.
func TestHelpdeskStatusAudit(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		form := url.Values{"name": {"Beim Lieferanten"}, "kind": {ticket.KindOpen}, "position": {"9"},
			"portal_visible": {"1"}, "active": {"1"}}
		if r := h.staffC.Post("/admin/settings/helpdesk/statuses", form); r.Status != 303 {
			t.Fatalf("add status: %d", r.Status)
		}
		var id int64
		h.env.DB.QueryRow(ctx, `SELECT id FROM ticket_statuses WHERE tenant_id = ? AND name = 'Beim Lieferanten'`, h.ten.ID).Scan(&id)
		form.Set("kind", ticket.KindWaiting)
		form.Del("portal_visible")
		if r := h.staffC.Post("/admin/settings/helpdesk/statuses/"+itoa64(id), form); r.Status != 303 {
			t.Fatalf("change status: %d", r.Status)
		}
		for _, want := range []string{
			"helpdesk status Beim Lieferanten: added: kind open, portal shown, active",
			"helpdesk status Beim Lieferanten: kind open → waiting, portal shown → hidden",
		} {
			if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND target = ?`, h.ten.ID, want); n != 1 {
				t.Errorf("audit entries %q: %d", want, n)
			}
		}
	})
}
