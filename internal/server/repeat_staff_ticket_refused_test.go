package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestRepeatedStaffTicketRefusedOrChanged: a new ticket sent again is led to the first
// ticket only as a plain repeat. Sent again with a choice refused meanwhile (the
// assignee deactivated, the contact no longer in the company), the form comes back
// with that reason and what was typed, as for a first submission. Sent again with
// other choices than the first ticket holds (priority, assignee), it lands on the
// first ticket, which says which of the choices it does not hold.
func TestRepeatedStaffTicketRefusedOrChanged(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		kollege := d.env.Staff(d.t, staff.RoleAgent, "kollege@desk.test", "kollege-password")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		const body = "Der Drucker im Flur zieht kein Papier ein."
		form := func(contact, assignee int64, priority string) url.Values {
			return url.Values{"company_id": {itoa64(d.a.ID)}, "contact_id": {itoa64(contact)}, "title": {"Drucker im Flur"},
				"body": {body}, "priority": {priority}, "assignee": {itoa64(assignee)}}
		}
		const (
			inactiveDE = "Diese Person wurde deaktiviert."
			contactDE  = "Bitte wählen Sie einen Ansprechpartner dieser Firma."
			assigneeDE = "Das Ticket ist nicht der Person zugewiesen, die Sie gerade gewählt haben."
			priorityDE = "Die Priorität des Tickets ist nicht die, die Sie gerade gewählt haben."
		)
		kept := func(what, page string) {
			t.Helper()
			if !strings.Contains(page, `value="Drucker im Flur"`) || !strings.Contains(html.UnescapeString(page), body) {
				t.Errorf("%s: the form lost what was typed", what)
			}
		}
		r := agent.Post("/admin/tickets", form(d.alice, kollege.ID, "2"))
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets/") {
			t.Fatalf("create: %d %q", r.Status, r.Location)
		}
		first := r.Location

		// The assignee deactivated between the two submissions: said on the form.
		if _, err := d.env.DB.Exec(ctx, `UPDATE staff SET active = ? WHERE id = ?`, false, kollege.ID); err != nil {
			t.Fatal(err)
		}
		r = agent.Post("/admin/tickets", form(d.alice, kollege.ID, "2"))
		if r.Status != 422 || !strings.Contains(r.Body, inactiveDE) {
			t.Fatalf("sent again to a deactivated assignee: %d %q, want the form saying so", r.Status, r.Location)
		}
		kept("deactivated assignee", r.Body)
		if n := d.tickets(t); n != 1 {
			t.Fatalf("%d tickets, want 1", n)
		}
		// Another assignee chosen on that form: the first ticket, which says it is not
		// assigned to them.
		r = agent.Post("/admin/tickets", form(d.alice, d.admin.ID, "2"))
		if r.Status != 303 || r.Location != first {
			t.Fatalf("sent again with another assignee: %d %q, want %s", r.Status, r.Location, first)
		}
		page := agent.Get(first).Body
		if !strings.Contains(page, repeatedTicketDE) || !strings.Contains(page, assigneeDE) || strings.Contains(page, priorityDE) {
			t.Errorf("the first ticket does not say (only) that its assignee differs")
		}

		// A plain repeat says nothing differs; another priority is named.
		r = agent.Post("/admin/tickets", form(d.uwe, d.admin.ID, "2"))
		if r.Status != 303 {
			t.Fatalf("create for Uwe: %d", r.Status)
		}
		uwes := r.Location
		if r = agent.Post("/admin/tickets", form(d.uwe, d.admin.ID, "2")); r.Location != uwes {
			t.Fatalf("plain repeat: %d %q, want %s", r.Status, r.Location, uwes)
		}
		if page := agent.Get(uwes).Body; !strings.Contains(page, repeatedTicketDE) || strings.Contains(page, assigneeDE) ||
			strings.Contains(page, priorityDE) {
			t.Errorf("a plain repeat names a difference")
		}
		if r = agent.Post("/admin/tickets", form(d.uwe, d.admin.ID, "3")); r.Location != uwes {
			t.Fatalf("repeat with another priority: %d %q, want %s", r.Status, r.Location, uwes)
		}
		if page := agent.Get(uwes).Body; !strings.Contains(page, priorityDE) || strings.Contains(page, assigneeDE) {
			t.Errorf("the other priority is not named (alone)")
		}

		// The contact no longer in the company: said on the form.
		if _, err := d.env.DB.Exec(ctx, `DELETE FROM memberships WHERE contact_id = ? AND company_id = ?`, d.uwe, d.a.ID); err != nil {
			t.Fatal(err)
		}
		r = agent.Post("/admin/tickets", form(d.uwe, d.admin.ID, "2"))
		if r.Status != 422 || !strings.Contains(r.Body, contactDE) {
			t.Fatalf("sent again for a contact who left: %d %q, want the form saying so", r.Status, r.Location)
		}
		kept("contact who left", r.Body)
		if n := d.tickets(t); n != 2 {
			t.Errorf("%d tickets, want 2", n)
		}
	})
}
