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

// TestAutomationSettings: the automation's days refuse anything but empty or whole
// days from 0 to 365, and resolving without reminding, with 422, the message next to
// the field and what was typed; good input is stored, audited and shown again, for the
// admin's tenant only; agents do not get to change it.
func TestAutomationSettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		const path = "/admin/settings/helpdesk/automation"
		other := h.env.Tenant("Andere GmbH", "other.test")
		if err := ticket.SetAutomation(ctx, h.env.DB, other.ID, ticket.Automation{CloseDays: 3}); err != nil {
			t.Fatal(err)
		}
		if r := h.staffC.Get("/admin/settings/helpdesk"); r.Status != 200 || !strings.Contains(r.Body, `action="`+path+`"`) ||
			!strings.Contains(r.Body, "Gelöste Tickets schließen nach (Tagen)") {
			t.Fatalf("settings page without the automation: %d", r.Status)
		}
		cases := []struct {
			name, field, value, want string
		}{
			{"negative", "close_days", "-1", "0 bis 365"},
			{"too large", "remind_days", "366", "0 bis 365"},
			{"not a number", "resolve_days", "fünf", "0 bis 365"},
			{"fraction", "close_days", "1.5", "0 bis 365"},
			{"resolve without reminder", "resolve_days", "4", "ab der Erinnerung"},
		}
		for _, c := range cases {
			// Every case sends one good field too, which must not be stored alone.
			form := url.Values{"close_days": {"9"}}
			form.Set(c.field, c.value)
			r := h.staffC.Post(path, form)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, `value="`+c.value+`"`) ||
				!strings.Contains(r.Body, `id="auto-`+c.field+`-e"`) || !strings.Contains(r.Body, `aria-invalid="true"`) {
				t.Errorf("%s: %d, want 422 with %q next to %s keeping %q", c.name, r.Status, c.want, c.field, c.value)
			}
		}
		if a, _ := ticket.AutomationOf(ctx, h.env.DB, h.ten.ID); a != (ticket.Automation{}) {
			t.Fatalf("bad input stored: %+v", a)
		}

		r := h.staffC.Post(path, url.Values{"close_days": {" 7 "}, "remind_days": {"5"}, "resolve_days": {"5"}, "in_hours": {"1"}})
		if r.Status != 303 {
			t.Fatalf("save: %d %.300s", r.Status, r.Body)
		}
		want := ticket.Automation{CloseDays: 7, RemindDays: 5, ResolveDays: 5, InHours: true}
		if a, err := ticket.AutomationOf(ctx, h.env.DB, h.ten.ID); err != nil || a != want {
			t.Fatalf("stored %+v %v, want %+v", a, err, want)
		}
		if a, _ := ticket.AutomationOf(ctx, h.env.DB, other.ID); a != (ticket.Automation{CloseDays: 3}) {
			t.Errorf("other tenant's settings changed: %+v", a)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'settings_changed'
			AND target = 'helpdesk automation: close after 7 d, remind after 5 d, resolve after 5 d, within business hours'`, h.ten.ID); n != 1 {
			t.Errorf("%d audit entries", n)
		}
		if page := h.staffC.Get("/admin/settings/helpdesk").Body; !strings.Contains(page, `name="remind_days" type="number" min="0" max="365" step="1" inputmode="numeric" value="5"`) ||
			!strings.Contains(page, `name="in_hours" value="1" checked`) || !strings.Contains(page, "Nur während der Geschäftszeiten") {
			t.Errorf("stored settings not shown")
		}
		// Empty fields and 0 switch the steps off again.
		if r := h.staffC.Post(path, url.Values{"close_days": {""}, "remind_days": {"0"}}); r.Status != 303 {
			t.Fatalf("switch off: %d", r.Status)
		}
		if a, _ := ticket.AutomationOf(ctx, h.env.DB, h.ten.ID); a != (ticket.Automation{}) {
			t.Errorf("switched off: %+v", a)
		}

		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if r := agent.Post(path, url.Values{"close_days": {"2"}}); r.Status != 404 {
			t.Errorf("agent: %d, want 404", r.Status)
		}
		if a, _ := ticket.AutomationOf(ctx, h.env.DB, h.ten.ID); a != (ticket.Automation{}) {
			t.Errorf("agent changed the settings: %+v", a)
		}
	})
}
