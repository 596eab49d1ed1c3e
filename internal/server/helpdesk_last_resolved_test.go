package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestHelpdeskLastResolvedStays: the last active status of kind resolved cannot be
// retired, nor turned into another kind, since resolving, auto-resolve and ratings
// need it; with a second resolved status either one may go, but not both.
func TestHelpdeskLastResolvedStays(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		base := "/admin/settings/helpdesk/statuses/"
		resolved := statusID(t, h.env, h.ten.ID, ticket.CodeResolved)

		r := h.staffC.Post(base+itoa64(resolved), url.Values{"name": {"Erledigt"}, "position": {"5"}, "portal_visible": {"1"}})
		if r.Status != 422 || !strings.Contains(r.Body, "deshalb kann er nicht deaktiviert werden") {
			t.Errorf("retire the only resolved status: %d", r.Status)
		}
		if s, _ := ticket.StatusByID(ctx, h.env.DB, h.ten.ID, resolved); !s.Active {
			t.Error("the only resolved status was retired")
		}
		page := h.staffC.Get("/admin/settings/helpdesk").Body
		if n := strings.Count(page, "Immer aktiv: Der Helpdesk braucht diesen Status."); n != 6 { // 5 built-in + resolved
			t.Errorf("%d statuses marked always active, want 6", n)
		}

		// A second resolved status: now the built-in one may retire, the other then stays.
		own, err := ticket.SaveStatus(ctx, h.env.DB, h.ten.ID, ticket.Status{Name: "Gelöst vor Ort", Kind: ticket.KindResolved,
			Position: 8, PortalVisible: true, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		if r := h.staffC.Post(base+itoa64(resolved), url.Values{"position": {"5"}, "portal_visible": {"1"}}); r.Status != 303 {
			t.Fatalf("retire resolved beside another: %d", r.Status)
		}
		r = h.staffC.Post(base+itoa64(own), url.Values{"name": {"Gelöst vor Ort"}, "kind": {"resolved"}, "position": {"8"}})
		if r.Status != 422 || !strings.Contains(r.Body, "deshalb kann er nicht deaktiviert werden") {
			t.Errorf("retire the last resolved status: %d", r.Status)
		}
		r = h.staffC.Post(base+itoa64(own), url.Values{"name": {"Gelöst vor Ort"}, "kind": {"open"}, "position": {"8"}, "active": {"1"}})
		if r.Status != 422 || !strings.Contains(r.Body, `value="Gelöst vor Ort"`) {
			t.Errorf("turn the last resolved status into an open one: %d", r.Status)
		}
		if s, _ := ticket.StatusByID(ctx, h.env.DB, h.ten.ID, own); !s.Active || s.Kind != ticket.KindResolved {
			t.Errorf("last resolved status changed: %+v", s)
		}
	})
}
