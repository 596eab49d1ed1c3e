package server_test

import (
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestHelpdeskKindsHint: the statuses' settings say what a kind means for customers,
// since a "waiting for parts" status of kind waiting would tell them their reply is
// needed and remind them.
func TestHelpdeskKindsHint(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		r := h.staffC.Get("/admin/settings/helpdesk")
		if r.Status != 200 || !strings.Contains(r.Body, "„Wartend“ heißt, es wird auf den Kunden gewartet") {
			t.Errorf("settings do not explain the kinds: %d", r.Status)
		}
	})
}
