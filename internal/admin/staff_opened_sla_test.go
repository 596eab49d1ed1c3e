package admin_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

var createdTicket = regexp.MustCompile(`^/admin/tickets/([0-9]+)$`)

// TestStaffOpenedNoFirstResponse: a ticket staff open through the back office's form
// has no first response: its SLA card says nobody waited for one, while a contact's
// ticket of the same priority shows when its first response is due.
func TestStaffOpenedNoFirstResponse(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		var ts ticket.Targets
		ts[ticket.PriorityNormal] = ticket.Target{FirstResponse: 4, Resolution: 24}
		if err := ticket.SetSLATargets(context.Background(), o.env.DB, o.ten.ID, ts); err != nil {
			t.Fatal(err)
		}
		r := o.agent.Post("/admin/tickets", url.Values{"company_id": {id(o.co.ID)}, "contact_id": {id(o.ct.ID)},
			"title": {"Anruf: Drucker"}, "body": {"Wie am Telefon besprochen"}, "priority": {"2"}})
		m := createdTicket.FindStringSubmatch(r.Location)
		if r.Status != 303 || m == nil {
			t.Fatalf("create: %d %q %.600s", r.Status, r.Location, r.Body)
		}
		byStaff := o.agent.Get("/admin/tickets/" + m[1]).Body
		byContact := o.agent.Get("/admin/tickets/" + id(o.ticket(t, "Drucker kaputt"))).Body
		const none = "Keine: von Mitarbeitenden eröffnet"
		if !strings.Contains(byStaff, none) || !strings.Contains(byStaff, "Lösung") {
			t.Errorf("staff's ticket: no SLA card without a first response")
		}
		if strings.Contains(byContact, none) || !strings.Contains(byContact, `id="sla-card-h"`) {
			t.Errorf("contact's ticket: first response missing")
		}
	})
}
