package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsSLASettings: the service-level targets refuse anything but empty or whole
// hours from 1 to 8760 (and a first response due after the resolution) with 422, the
// message next to the field and what was typed; good input is stored, audited and
// shown again; agents do not get to change it.
func TestTicketsSLASettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		const path = "/admin/settings/helpdesk/sla"
		if r := h.staffC.Get("/admin/settings/helpdesk"); r.Status != 200 || !strings.Contains(r.Body, `action="`+path+`"`) ||
			!strings.Contains(r.Body, "Kalenderstunden") {
			t.Fatalf("settings page without the targets: %d", r.Status)
		}
		cases := []struct {
			name, field, value, want string
		}{
			{"negative", "first_4", "-3", "1 bis 8.760"},
			{"zero", "resolve_1", "0", "1 bis 8.760"},
			{"not a number", "resolve_3", "acht", "1 bis 8.760"},
			{"fraction", "first_3", "1.5", "1 bis 8.760"},
			{"too large", "resolve_4", "8761", "1 bis 8.760"},
			{"first after resolution", "first_2", "10", "nicht später fällig"},
		}
		for _, c := range cases {
			// Every case sends one good target too, which must not be stored alone.
			form := url.Values{"resolve_2": {"5"}}
			form.Set(c.field, c.value)
			r := h.staffC.Post(path, form)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, `value="`+c.value+`"`) ||
				!strings.Contains(r.Body, `id="sla-`+c.field+`-e"`) {
				t.Errorf("%s: %d, want 422 with %q next to %s keeping %q", c.name, r.Status, c.want, c.field, c.value)
			}
		}
		if ts, _ := ticket.SLATargets(ctx, h.env.DB, h.ten.ID); ts.Any() {
			t.Fatalf("bad input stored targets: %+v", ts)
		}

		// Empty fields are no target; whole hours are stored and shown again.
		r := h.staffC.Post(path, url.Values{"first_4": {"1"}, "resolve_4": {" 8 "}, "first_3": {""}, "resolve_3": {"24"}})
		if r.Status != 303 {
			t.Fatalf("save: %d %.300s", r.Status, r.Body)
		}
		ts, err := ticket.SLATargets(ctx, h.env.DB, h.ten.ID)
		want := ticket.Targets{ticket.PriorityHigh: {Resolution: 24}, ticket.PriorityUrgent: {FirstResponse: 1, Resolution: 8}}
		if err != nil || ts != want {
			t.Fatalf("stored %+v %v, want %+v", ts, err, want)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'settings_changed'
			AND target LIKE 'service-level targets: urgent 1/8 h, high –/24 h%'`, h.ten.ID); n != 1 {
			t.Errorf("%d audit entries", n)
		}
		if page := h.staffC.Get("/admin/settings/helpdesk").Body; !strings.Contains(page, `name="resolve_3" type="number" min="1" max="8760" step="1" inputmode="numeric" value="24"`) {
			t.Errorf("stored target not shown")
		}

		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if r := agent.Post(path, url.Values{"first_4": {"2"}}); r.Status != 404 {
			t.Errorf("agent: %d, want 404", r.Status)
		}
		if ts, _ := ticket.SLATargets(ctx, h.env.DB, h.ten.ID); ts != want {
			t.Errorf("agent changed the targets: %+v", ts)
		}
	})
}

// TestTicketsSLAQueue: the queue's overdue filter shows the tenant's overdue open
// tickets, most overdue first, with a badge that says so, and never another tenant's;
// the dashboard counts them and links there; the ticket page tells met and breached
// targets; the portal shows none of it.
func TestTicketsSLAQueue(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx, now := context.Background(), time.Now()
		other := h.env.Tenant("Andere GmbH", "other.test")
		otherCo := h.env.Company(other, "Fremd AG")
		otherCt := h.env.Contact(other, "fred@fremd.test", "fred-password-1", "main", otherCo)
		targets := ticket.Targets{ticket.PriorityHigh: {FirstResponse: 4, Resolution: 24}, ticket.PriorityUrgent: {FirstResponse: 1, Resolution: 8}}
		for _, id := range []int64{h.ten.ID, other.ID} {
			if err := ticket.SetSLATargets(ctx, h.env.DB, id, targets); err != nil {
				t.Fatal(err)
			}
		}
		openAt := func(tenantID, co, ct int64, title string, prio int, ago time.Duration) int64 {
			t.Helper()
			id, err := ticket.Create(ctx, h.env.DB, ticket.New{TenantID: tenantID, CompanyID: co, ContactID: ct, Author: "C",
				Title: title, Body: "x", Priority: prio}, now.Add(-ago))
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		late := openAt(h.ten.ID, h.acme.ID, h.anna.ID, "Server down since morning", ticket.PriorityUrgent, 5*time.Hour)
		later := openAt(h.ten.ID, h.acme.ID, h.anna.ID, "Printer jammed again", ticket.PriorityHigh, 6*time.Hour)
		openAt(h.ten.ID, h.acme.ID, h.anna.ID, "Fresh high ticket", ticket.PriorityHigh, time.Hour)
		openAt(h.ten.ID, h.acme.ID, h.anna.ID, "Normal without target", ticket.PriorityNormal, 50*time.Hour)
		openAt(other.ID, otherCo.ID, otherCt.ID, "Foreign overdue ticket", ticket.PriorityUrgent, 9*time.Hour)

		r := h.staffC.Get("/admin/tickets?overdue=1")
		if r.Status != 200 {
			t.Fatalf("overdue queue: %d", r.Status)
		}
		for _, bad := range []string{"Fresh high ticket", "Normal without target", "Foreign overdue ticket"} {
			if strings.Contains(r.Body, bad) {
				t.Errorf("overdue queue lists %q", bad)
			}
		}
		i, j := strings.Index(r.Body, "Server down since morning"), strings.Index(r.Body, "Printer jammed again")
		if i < 0 || j < 0 || i > j {
			t.Errorf("overdue queue: most overdue first expected (%d, %d)", i, j)
		}
		if !strings.Contains(r.Body, `<option value="due" selected>`) || !strings.Contains(r.Body, `id="foverdue" type="checkbox" name="overdue" value="1" checked`) {
			t.Errorf("overdue queue does not show its filter and order")
		}
		if !strings.Contains(r.Body, `class="badge danger"`) || !strings.Contains(r.Body, "4 Std. überfällig") {
			t.Errorf("no overdue badge: %.2000s", r.Body[strings.Index(r.Body, "<table"):])
		}
		if all := h.staffC.Get("/admin/tickets?sort=due").Body; !strings.Contains(all, "Fresh high ticket") || !strings.Contains(all, "in 2 Std.") ||
			strings.Contains(all, "Normal without target") {
			t.Errorf("due order: wrong tickets")
		}

		dash := h.staffC.Get("/admin/").Body
		if !strings.Contains(dash, `href="/admin/tickets?overdue=1"`) || !strings.Contains(dash, "2 offene Tickets haben ihre Frist überschritten.") {
			t.Errorf("dashboard without the overdue count")
		}

		// Answered late: the first response is breached, the resolution still due.
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(late)+"/reply", map[string]string{"kind": "reply", "body": "Looking into it."}); r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		page := h.staffC.Get("/admin/tickets/" + itoa64(late)).Body
		if !strings.Contains(page, "Servicezeiten (SLA)") || !strings.Contains(page, `<span class="badge danger">Überschritten</span>`) ||
			!strings.Contains(page, "in 2 Std.") {
			t.Errorf("ticket page without its targets")
		}

		// Contacts see no trace of it, whatever they ask for.
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		for _, path := range []string{"/tickets/" + itoa64(late), "/tickets?sort=due", "/tickets"} {
			r := anna.Get(path)
			if r.Status != 200 {
				t.Errorf("portal %s: %d", path, r.Status)
			}
			for _, word := range []string{"SLA", "overdue", "Service-level", "Servicezeiten", "überfällig", "Fällig", "badge danger"} {
				if strings.Contains(r.Body, word) {
					t.Errorf("portal %s shows %q", path, word)
				}
			}
		}
		if r := anna.Get("/tickets/" + itoa64(later)); r.Status != 200 {
			t.Errorf("portal ticket: %d", r.Status)
		}
	})
}
