package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// staffNotifyOn is the notifications form with the named boxes ticked.
func staffNotifyOn(names ...string) url.Values {
	v := url.Values{}
	for _, n := range names {
		v.Set(n, "1")
	}
	return v
}

// TestStaffNotifySettings: every staff member finds the helpdesk mails on My account,
// all on by default; saving changes only their own choice (an id in the form is
// ignored), is audited once per change with a translated label, an unreadable form is
// refused with the stored choice shown, and without the helpdesk there is nothing to
// choose.
func TestStaffNotifySettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")

		page := agent.Get("/admin/account")
		for _, name := range []string{"new_tickets", "replies_mine", "replies_unassigned", "assigned", "followups"} {
			if !strings.Contains(page.Body, `name="`+name+`" value="1" checked`) {
				t.Errorf("default: %s is not ticked", name)
			}
		}
		if !strings.Contains(page.Body, `action="/admin/account/notifications"`) || !strings.Contains(page.Body, "E-Mail-Benachrichtigungen") {
			t.Fatalf("no notifications section: %.2000s", page.Body)
		}

		form := staffNotifyOn("replies_mine", "assigned")
		form.Set("staff_id", itoa64(h.admin.ID)) // not the member's to name
		if r := agent.Post("/admin/account/notifications", form); r.Status != 303 || r.Location != "/admin/account" {
			t.Fatalf("save: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		page = agent.Get("/admin/account")
		if !strings.Contains(page.Body, "Ihre Benachrichtigungseinstellungen wurden gespeichert.") ||
			strings.Contains(page.Body, `name="new_tickets" value="1" checked`) || !strings.Contains(page.Body, `name="assigned" value="1" checked`) {
			t.Errorf("after saving: %.3000s", page.Body)
		}
		want := staff.Notifications{RepliesMine: true, Assigned: true}
		if n, err := staff.GetNotifications(ctx, h.env.DB, h.ten.ID, h.agent.ID); err != nil || n != want {
			t.Errorf("stored: %+v, %v", n, err)
		}
		if !strings.Contains(page.Body, "wenn eine von mir gesetzte Wiedervorlage fällig wird") ||
			strings.Contains(page.Body, `name="followups" value="1" checked`) {
			t.Errorf("follow-up switch after saving it off")
		}
		if n, _ := staff.GetNotifications(ctx, h.env.DB, h.ten.ID, h.admin.ID); n != staff.DefaultNotifications {
			t.Errorf("the admin's choice changed: %+v", n)
		}
		// The same choice again is no change: no second audit entry.
		agent.Post("/admin/account/notifications", staffNotifyOn("replies_mine", "assigned"))
		var audited int
		if err := h.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'staff_notifications_changed'
			AND actor LIKE ? AND target LIKE 'new tickets: off, replies on my tickets: on,%'`, h.ten.ID, "staff:"+itoa64(h.agent.ID)+" %").Scan(&audited); err != nil || audited != 1 {
			t.Errorf("audit entries: %d, %v", audited, err)
		}
		if p := h.staffC.Get("/admin/audit"); !strings.Contains(p.Body, "Benachrichtigungseinstellungen von Mitarbeitenden geändert") {
			t.Errorf("the audit log does not name the action")
		}

		// An unreadable form: a clear message above the choice as it is stored.
		r := agent.Post("/admin/account/notifications", url.Values{"new_tickets": {"\xff"}})
		if r.Status != 400 || !strings.Contains(r.Body, `class="flash error"`) || !strings.Contains(r.Body, `name="assigned" value="1" checked`) ||
			strings.Contains(r.Body, `name="new_tickets" value="1" checked`) {
			t.Errorf("bad form: %d %.3000s", r.Status, r.Body)
		}

		// Without the helpdesk there are no helpdesk mails to choose.
		off := h.env.Tenant("Ohne Helpdesk GmbH", "off.test")
		if err := tenant.SetModules(ctx, h.env.DB, off.ID, []string{"knowledge"}); err != nil {
			t.Fatal(err)
		}
		h.env.Staff(off, staff.RoleAdmin, "chef@off.test", "off-password-1")
		oc := h.env.Client("off.test")
		oc.AdminLogin("chef@off.test", "off-password-1")
		if p := oc.Get("/admin/account"); p.Status != 200 || strings.Contains(p.Body, "/admin/account/notifications") {
			t.Errorf("account without the helpdesk: %d, offers notifications", p.Status)
		}
		if r := oc.Post("/admin/account/notifications", staffNotifyOn()); r.Status != 404 {
			t.Errorf("save without the helpdesk: %d", r.Status)
		}
	})
}
