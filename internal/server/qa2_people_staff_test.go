package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestStaffRenameAndWithdraw: an admin renames a member (logged; an empty name is
// refused in the row, as typed) and withdraws the invitation of a member who never
// signed in (member and link gone, logged); a member who signed in is deactivated
// instead. Agents may do neither.
func TestStaffRenameAndWithdraw(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		agent := d.env.Staff(d.t, staff.RoleAgent, "kai@desk.test", "kai-password-1")

		path := "/admin/staff/" + itoa64(agent.ID) + "/name"
		if r := adm.Post(path, url.Values{"name": {"Kai Neumann"}}); r.Status != 303 {
			t.Fatalf("rename: %d %.300s", r.Status, r.Body)
		}
		if m, _ := staff.Get(ctx, d.env.DB, d.t.ID, agent.ID); m.Name != "Kai Neumann" {
			t.Errorf("name after rename: %q", m.Name)
		}
		if n := auditRows(t, d.env, d.t.ID, "staff_renamed", "kai@desk.test: kai@desk.test → Kai Neumann"); n != 1 {
			t.Errorf("rename entries: %d", n)
		}
		r := adm.Post(path, url.Values{"name": {"   "}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="staff-err-`+itoa64(agent.ID)+`"`) || !strings.Contains(r.Body, "<details class=\"inline\" open") {
			t.Errorf("empty name: %d", r.Status)
		}

		// Invite, then withdraw: the member and the link are gone.
		r = adm.Post("/admin/staff", url.Values{"name": {"Falsch"}, "email": {"falsch@desk.test"}, "role": {"agent"}})
		if r.Status != 303 {
			t.Fatalf("invite: %d %.300s", r.Status, r.Body)
		}
		_, text := lastMailTo(t, d.env, "falsch@desk.test")
		link := linkIn(t, text)
		invited, err := staff.ByEmail(ctx, d.env.DB, d.t.ID, "falsch@desk.test")
		if err != nil {
			t.Fatal(err)
		}
		if page := adm.Get("/admin/staff").Body; !strings.Contains(page, "/admin/staff/"+itoa64(invited.ID)+"/withdraw") ||
			strings.Contains(page, "/admin/staff/"+itoa64(agent.ID)+"/withdraw") {
			t.Errorf("withdraw offered to the wrong members")
		}
		// Agents cannot.
		ag := d.env.Client("desk.test")
		ag.AdminLogin("kai@desk.test", "kai-password-1")
		if r := ag.Post("/admin/staff/"+itoa64(invited.ID)+"/withdraw", nil); r.Status == 303 {
			t.Errorf("an agent withdrew an invitation")
		}
		r = adm.Post("/admin/staff/"+itoa64(invited.ID)+"/withdraw", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, deMsg("qa2_people.staff.withdrawn")) {
			t.Fatalf("withdraw: %d", r.Status)
		}
		if _, err := staff.Get(ctx, d.env.DB, d.t.ID, invited.ID); err != db.ErrNotFound {
			t.Errorf("withdrawn member still there: %v", err)
		}
		if r := d.env.Client("desk.test").Get(link); r.Status == 200 {
			t.Errorf("the withdrawn link still works")
		}
		if n := auditRows(t, d.env, d.t.ID, "staff_invitation_withdrawn", "falsch@desk.test (agent)"); n != 1 {
			t.Errorf("withdraw entries: %d", n)
		}
		// A member who signed in stays.
		r = adm.Post("/admin/staff/"+itoa64(agent.ID)+"/withdraw", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, deMsg("qa2_people.staff.withdraw_failed")) {
			t.Errorf("withdraw of a signed-in member: %d", r.Status)
		}
		if _, err := staff.Get(ctx, d.env.DB, d.t.ID, agent.ID); err != nil {
			t.Errorf("signed-in member deleted: %v", err)
		}
	})
}

// TestStaffInviteContactAddress: inviting a customer contact's address as staff asks
// first (the contact is named); "invite anyway" goes ahead.
func TestStaffInviteContactAddress(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		v := url.Values{"name": {"Alice"}, "email": {"Alice@Alpha.test"}, "role": {"agent"}}
		r := adm.Post("/admin/staff", v)
		if r.Status != 422 || !strings.Contains(r.Body, deMsg("qa2_people.staff.is_contact", map[string]any{"Name": "Test alice@alpha.test"})) ||
			!strings.Contains(r.Body, `name="contact_ok"`) || !strings.Contains(r.Body, `value="Alice@Alpha.test"`) {
			t.Fatalf("contact's address: %d %.500s", r.Status, r.Body)
		}
		if _, err := staff.ByEmail(t.Context(), d.env.DB, d.t.ID, "alice@alpha.test"); err != db.ErrNotFound {
			t.Fatalf("invited before confirming: %v", err)
		}
		v.Set("contact_ok", "1")
		if r := adm.Post("/admin/staff", v); r.Status != 303 {
			t.Fatalf("invite anyway: %d %.300s", r.Status, r.Body)
		}
		if _, err := staff.ByEmail(t.Context(), d.env.DB, d.t.ID, "alice@alpha.test"); err != nil {
			t.Errorf("not invited: %v", err)
		}
	})
}
