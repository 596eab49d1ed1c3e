package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// assignTo gives ticket id to staffID as the ticket package does.
func assignTo(t *testing.T, d *desk, id, staffID int64) error {
	t.Helper()
	ctx := context.Background()
	return d.env.DB.InTx(ctx, func(tx *db.Tx) error {
		tk, err := ticket.ForStaff(ctx, tx, d.t.ID, id)
		if err != nil {
			return err
		}
		return ticket.Assign(ctx, tx, tk, staffID, ticket.Actor{Name: "Test"}, time.Now())
	})
}

// TestStaffDeactivateUnassigns: deactivating a member with open tickets asks first
// ("2 open tickets … become unassigned"), then gives them back to nobody with a
// history event and an audit entry, so the queue counts them as unassigned. Members
// who never signed in are no assignee choice and cannot be assigned; a ticket still
// with an inactive member says so after the name.
func TestStaffDeactivateUnassigns(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		kai := d.env.Staff(d.t, staff.RoleAgent, "kai@desk.test", "kai-password-1")
		alice := d.as("alice@alpha.test", "alice-password")
		t1, t2 := d.open(t, alice, "Drucker klemmt"), d.open(t, alice, "Scanner streikt")
		path := "/admin/staff/" + itoa64(kai.ID)
		for i, id := range []int64{t1, t2} {
			if err := assignTo(t, d, id, kai.ID); err != nil {
				t.Fatal(err)
			}
			if i == 0 { // one ticket: the singular
				one := html.EscapeString(i18n.For("de").N("qa2_people.staff.unassign_ask", 1, map[string]any{"Name": "kai@desk.test"}))
				if r := adm.Post(path, url.Values{"role": {"agent"}}); r.Status != 200 || !strings.Contains(r.Body, one) {
					t.Errorf("deactivate with one open ticket does not ask %q", one)
				}
			}
		}

		r := adm.Post(path, url.Values{"role": {"agent"}})
		ask := html.EscapeString(i18n.For("de").N("qa2_people.staff.unassign_ask", 2, map[string]any{"Name": "kai@desk.test"}))
		if r.Status != 200 || !strings.Contains(r.Body, ask) || !strings.Contains(r.Body, `name="unassign_ok"`) {
			t.Fatalf("deactivate with open tickets: %d", r.Status)
		}
		if m, _ := staff.Get(ctx, d.env.DB, d.t.ID, kai.ID); !m.Active {
			t.Fatalf("deactivated before confirming")
		}
		if r := adm.Post(path, url.Values{"role": {"agent"}, "unassign_ok": {"1"}}); r.Status != 303 {
			t.Fatalf("confirm: %d %.300s", r.Status, r.Body)
		}
		if m, _ := staff.Get(ctx, d.env.DB, d.t.ID, kai.ID); m.Active {
			t.Fatalf("still active after confirming")
		}
		for _, id := range []int64{t1, t2} {
			tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, id)
			if tk.AssigneeID != 0 {
				t.Errorf("#%d still assigned to %d", id, tk.AssigneeID)
			}
			var events int
			d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'assigned' AND note = ''`, id).Scan(&events)
			if events != 1 {
				t.Errorf("#%d: %d unassign events", id, events)
			}
		}
		if n := auditRows(t, d.env, d.t.ID, "staff_tickets_unassigned", "kai@desk.test: 2"); n != 1 {
			t.Errorf("audit entries: %d", n)
		}
		if q := adm.Get("/admin/tickets?assignee=none").Body; !strings.Contains(q, "Drucker klemmt") || !strings.Contains(q, "Scanner streikt") {
			t.Errorf("the queue's unassigned tickets lack the released ones")
		}
		// Without open tickets: no question.
		if r := adm.Post(path, url.Values{"role": {"agent"}, "active": {"1"}}); r.Status != 303 {
			t.Fatalf("reactivate: %d", r.Status)
		}
		if r := adm.Post(path, url.Values{"role": {"agent"}}); r.Status != 303 {
			t.Errorf("deactivate without open tickets: %d", r.Status)
		}

		// An invited member who never signed in is no choice and cannot be assigned.
		if r := adm.Post("/admin/staff", url.Values{"name": {"Nina Neu"}, "email": {"nina@desk.test"}, "role": {"agent"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		nina, _ := staff.ByEmail(ctx, d.env.DB, d.t.ID, "nina@desk.test")
		page := adm.Get("/admin/tickets/" + itoa64(t1)).Body
		if strings.Contains(page, ">Nina Neu<") {
			t.Errorf("the ticket page offers the invited member")
		}
		if q := adm.Get("/admin/tickets").Body; strings.Contains(q, ">Nina Neu<") {
			t.Errorf("the queue offers the invited member")
		}
		r = adm.Post("/admin/tickets/"+itoa64(t1)+"/assign", url.Values{"assignee": {itoa64(nina.ID)}})
		rb := adm.Post("/admin/tickets/bulk", url.Values{"ids": {itoa64(t1)}, "action": {"assign:" + itoa64(nina.ID)}})
		if tk, _ := ticket.ForStaff(ctx, d.env.DB, d.t.ID, t1); tk.AssigneeID == nina.ID || r.Status >= 500 || rb.Status >= 500 {
			t.Errorf("assigned to an invited member: %d %d", r.Status, rb.Status)
		}
		// A ticket still with an inactive member (assigned before): marked.
		if _, err := d.env.DB.Exec(ctx, `UPDATE tickets SET assignee_id = ? WHERE id = ?`, kai.ID, t1); err != nil {
			t.Fatal(err)
		}
		if page := adm.Get("/admin/tickets/" + itoa64(t1)).Body; !strings.Contains(page, deMsg("qa2_people.staff.inactive_name", map[string]any{"Name": "kai@desk.test"})) {
			t.Errorf("the inactive assignee is not marked")
		}
	})
}
