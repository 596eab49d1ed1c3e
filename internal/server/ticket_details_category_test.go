package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketDetailsRetiredCategory: a category retired after the ticket page was
// shown, chosen there for a ticket that does not have it, is refused on the form with
// the list's message (the page stays, the priority typed with it too), not a "page
// not found"; the ticket keeps its category and priority.
func TestTicketDetailsRetiredCategory(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		id := h.open(t, h.acme, h.anna, "Scanner")
		retired, err := ticket.SaveCategory(ctx, h.env.DB, h.ten.ID, ticket.Category{Name: "Software", Position: 1})
		if err != nil {
			t.Fatal(err)
		}
		r := h.staffC.Post("/admin/tickets/"+itoa64(id)+"/details",
			url.Values{"priority": {strconv.Itoa(ticket.PriorityUrgent)}, "category": {itoa64(retired)}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte wählen Sie eine Kategorie aus der Liste.") {
			t.Errorf("retired category: %d %.300s", r.Status, r.Body)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.CategoryID != 0 || d.Priority != ticket.PriorityNormal {
			t.Errorf("changed anyway: category %d, priority %d", d.CategoryID, d.Priority)
		}
	})
}
