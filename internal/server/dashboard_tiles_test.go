package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDashboardTilesAlike: with nothing in the queues every count tile shows its 0
// ("My tickets" and "My follow-ups" as the others); the satisfaction tile leads to the
// badly rated tickets only when there are some, and is a plain card at 100 % good.
func TestDashboardTilesAlike(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		de := i18n.For("de")
		h.askRatings(t, true)
		page := h.staffC.Get("/admin/").Body
		for _, key := range []string{"day_counts.mine", "day_counts.unassigned", "day_counts.pending", "followup.dashboard.count"} {
			if want := de.N(key, 0, nil); !strings.Contains(page, `<p class="tile-count">`+want+`</p>`) {
				t.Errorf("dashboard lacks %q", want)
			}
		}

		const badLink = `href="/admin/tickets?state=all&rating=bad"`
		good := h.open(t, h.acme, h.bernd, "Gut gelöst")
		h.setStatus(t, good, ticket.CodeResolved)
		rate := func(id, contactID int64, value string) {
			t.Helper()
			tk, err := ticket.ForStaff(ctx, h.env.DB, h.ten.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			if err := ticket.Rate(ctx, h.env.DB, tk, contactID, value, "", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		rate(good, h.bernd.ID, "good")
		page = h.staffC.Get("/admin/").Body
		if !strings.Contains(page, de.T("ticket_rating.dashboard.share", map[string]any{"Percent": 100})) || strings.Contains(page, badLink) {
			t.Errorf("at 100 %% good the tile links to an empty list, or shows no share")
		}
		bad := h.open(t, h.acme, h.anna, "Schlecht gelöst")
		h.setStatus(t, bad, ticket.CodeResolved)
		rate(bad, h.anna.ID, "bad")
		if page := h.staffC.Get("/admin/").Body; !strings.Contains(page, badLink) {
			i := strings.Index(page, de.T("ticket_rating.dashboard.heading"))
			t.Errorf("with a bad rating the tile does not lead to it: %s", page[max(0, i-300):i+300])
		}
	})
}
