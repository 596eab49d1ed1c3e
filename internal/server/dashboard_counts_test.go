package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDashboardCounts: the dashboard's queue tiles count what their links list — the
// reader's open tickets, open tickets nobody has, requests to decide — of this tenant
// only, and stop at 100 ("at least 100").
func TestDashboardCounts(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		a, b, c := h.open(t, h.acme, h.anna, "Eins"), h.open(t, h.acme, h.anna, "Zwei"), h.open(t, h.beta, h.clara, "Drei")
		if _, err := h.env.DB.Exec(ctx, `UPDATE tickets SET assignee_id = ? WHERE id = ?`, h.admin.ID, a); err != nil {
			t.Fatal(err)
		}
		if _, err := h.env.DB.Exec(ctx, `UPDATE tickets SET request_state = 'accepted' WHERE id IN (?, ?)`, b, c); err != nil {
			t.Fatal(err)
		}
		// Another tenant's tickets count nowhere.
		other := h.env.Tenant("Andere GmbH", "other.test")
		oc := h.env.Company(other, "Fremd AG")
		ct := h.env.Contact(other, "x@fremd.test", "x-password-12", "main", oc)
		for range 3 {
			openTicket(t, h.env, other.ID, oc.ID, ct.ID, "Fremd")
		}
		page := h.staffC.Get("/admin/").Body
		for _, want := range []string{"1 offenes Ticket gehört Ihnen.", "2 offene Tickets hat noch niemand.", "1 Anfrage wartet auf eine Entscheidung."} {
			if !strings.Contains(page, want) {
				t.Errorf("dashboard lacks %q", want)
			}
		}
		for range 100 {
			h.open(t, h.beta, h.clara, "Viele")
		}
		if page := h.staffC.Get("/admin/").Body; strings.Count(page, "Mindestens 100 Tickets.") != 2 { // nobody's, requests
			t.Errorf("capped counts: %d", strings.Count(page, "Mindestens 100 Tickets."))
		}
	})
}
