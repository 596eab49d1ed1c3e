package server_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// hoursForm is a good calendar form: business hours Monday to Friday 08:00–17:00,
// Saturday 09:00–13:00, Christmas closed; change adjusts it.
func hoursForm(change func(url.Values)) url.Values {
	f := url.Values{"count": {"business"}, "holidays": {"25.12.2026 1. Weihnachtstag\n2026-12-26"}}
	for d := 1; d <= 5; d++ {
		day := itoa64(int64(d))
		f.Set("open_"+day, "1")
		f.Set("from_"+day, "08:00")
		f.Set("to_"+day, "17:00")
	}
	f.Set("open_6", "1")
	f.Set("from_6", "9:00")
	f.Set("to_6", "13:00")
	if change != nil {
		change(f)
	}
	return f
}

// TestTicketsSLAHoursSettings: the business hours refuse times that are no times, an end
// before its start, a week without an open day, holidays that are no dates, twice or
// with an overlong name — with 422, the message next to the field and what was typed.
// Good input is stored, audited and shown again; agents do not get to change it.
func TestTicketsSLAHoursSettings(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		const path = "/admin/settings/helpdesk/hours"
		if r := h.staffC.Get("/admin/settings/helpdesk"); r.Status != 200 || !strings.Contains(r.Body, `action="`+path+`"`) ||
			!strings.Contains(r.Body, "Geschäftszeiten und Warten") || !strings.Contains(r.Body, "Europe/Berlin") ||
			!strings.Contains(r.Body, `id="hours-pause" type="checkbox" name="pause" value="1" checked`) ||
			!strings.Contains(r.Body, `id="hours-calendar" type="radio" name="count" value="calendar" checked`) ||
			!strings.Contains(r.Body, `name="from_1" inputmode="numeric" placeholder="08:00" maxlength="5" value="08:00"`) {
			t.Fatalf("settings page without the calendar of a new tenant: %d", r.Status)
		}
		long := strings.Repeat("x", 101)
		cases := []struct {
			name, field, value, want string
		}{
			{"no time", "from_1", "8 Uhr", "als HH:MM"},
			{"minutes", "to_2", "17:60", "als HH:MM"},
			{"after midnight", "to_3", "24:30", "als HH:MM"},
			{"24:00 as a start", "from_4", "24:00", "als HH:MM"},
			{"plus sign", "from_1", "+8:00", "als HH:MM"},
			{"minus zero", "from_2", "-0:00", "als HH:MM"},
			{"signed minutes", "to_3", "17:+5", "als HH:MM"},
			{"end before start", "to_5", "07:30", "nach dem Beginn"},
			{"not a date", "holidays", "2026-02-30 Unsinn", "Zeile 1: „2026-02-30“ ist kein Datum"},
			{"twice", "holidays", "2026-12-25\n\n25.12.2026 Weihnachten", "Zeile 3: Dieses Datum steht schon in Zeile 1."},
			{"long name", "holidays", "2026-12-25 " + long, "Zeile 1: Der Name ist länger als 100 Zeichen."},
		}
		for _, c := range cases {
			r := h.staffC.Post(path, hoursForm(func(f url.Values) { f.Set(c.field, c.value) }))
			keep := `value="` + c.value + `"`
			if c.field == "holidays" {
				keep = ">" + c.value + "</textarea>"
			}
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, keep) ||
				!strings.Contains(r.Body, `id="hours-`+c.field+`-e"`) {
				t.Errorf("%s: %d, want 422 with %q next to %s keeping %q", c.name, r.Status, c.want, c.field, c.value)
			}
		}
		closed := func(f url.Values) {
			for d := 0; d <= 6; d++ {
				f.Del("open_" + itoa64(int64(d)))
			}
		}
		if r := h.staffC.Post(path, hoursForm(closed)); r.Status != 422 || !strings.Contains(r.Body, "mindestens einen Tag") ||
			!strings.Contains(r.Body, `id="hours-week-e"`) || !strings.Contains(r.Body, `value="17:00"`) {
			t.Errorf("no open day: %d", r.Status)
		}
		if c, _ := ticket.LoadSLACalendar(ctx, h.env.DB, h.ten.ID); c.BusinessHours || len(c.Holidays) != 0 {
			t.Fatalf("bad input stored the calendar: %+v", c)
		}
		// Counting calendar hours, the week is not used: no open day is no error.
		if r := h.staffC.Post(path, hoursForm(func(f url.Values) { closed(f); f.Set("count", "calendar") })); r.Status != 303 {
			t.Errorf("calendar hours without an open day: %d", r.Status)
		}
		if c, _ := ticket.LoadSLACalendar(ctx, h.env.DB, h.ten.ID); c.BusinessHours || c.Week.Open() || len(c.Holidays) != 2 {
			t.Errorf("calendar hours without an open day stored as %+v", c)
		}

		// A closed day's times are not read: a wrong one there is no error.
		r := h.staffC.Post(path, hoursForm(func(f url.Values) { f.Set("from_0", "später") }))
		if r.Status != 303 {
			t.Fatalf("save: %d %.300s", r.Status, r.Body)
		}
		c, err := ticket.LoadSLACalendar(ctx, h.env.DB, h.ten.ID)
		week := ticket.OfficeWeek()
		week[time.Saturday] = ticket.Span{From: 9 * 60, To: 13 * 60}
		holidays := []ticket.Holiday{{Day: "2026-12-25", Name: "1. Weihnachtstag"}, {Day: "2026-12-26"}}
		if err != nil || !c.BusinessHours || c.PauseWaiting || c.Week != week || !slices.Equal(c.Holidays, holidays) {
			t.Fatalf("stored %+v %v", c, err)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'settings_changed'
			AND target = 'service-level calendar: business hours, pause while waiting off, Mon 08:00–17:00, Tue 08:00–17:00, Wed 08:00–17:00, Thu 08:00–17:00, Fri 08:00–17:00, Sat 09:00–13:00, 2 holidays'`, h.ten.ID); n != 1 {
			t.Errorf("%d audit entries", n)
		}
		page := h.staffC.Get("/admin/settings/helpdesk").Body
		for _, want := range []string{`value="business" checked`, `name="pause" value="1" aria-describedby`, `name="from_6" inputmode="numeric" placeholder="08:00" maxlength="5" value="09:00"`,
			`name="from_0" inputmode="numeric" placeholder="08:00" maxlength="5" value=""`, ">2026-12-25 1. Weihnachtstag\n2026-12-26</textarea>"} {
			if !strings.Contains(page, want) {
				t.Errorf("stored calendar not shown: %q", want)
			}
		}

		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if r := agent.Post(path, hoursForm(nil)); r.Status != 404 {
			t.Errorf("agent: %d, want 404", r.Status)
		}
	})
}

// TestTicketsSLAHoursReach: a target the business hours cannot reach within ten years
// is refused, in the targets' form next to its field and in the hours' form next to the
// week, with what was typed; calendar hours reach any target.
func TestTicketsSLAHoursReach(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		if err := ticket.SetSLATargets(ctx, h.env.DB, h.ten.ID, ticket.Targets{ticket.PriorityLow: {Resolution: 2000}}); err != nil {
			t.Fatal(err)
		}
		// An hour a week: some 520 hours in ten years.
		monday := func(f url.Values) {
			for d := 0; d <= 6; d++ {
				f.Del("open_" + itoa64(int64(d)))
			}
			f.Set("open_1", "1")
			f.Set("to_1", "09:00")
		}
		r := h.staffC.Post("/admin/settings/helpdesk/hours", hoursForm(monday))
		if r.Status != 422 || !strings.Contains(r.Body, "weniger als Ihr längstes Ziel (2000 Std.)") || !strings.Contains(r.Body, `id="hours-week-e"`) ||
			!strings.Contains(r.Body, `name="to_1" inputmode="numeric" placeholder="17:00" maxlength="5" value="09:00"`) {
			t.Fatalf("hours too short for the targets: %d", r.Status)
		}
		if c, _ := ticket.LoadSLACalendar(ctx, h.env.DB, h.ten.ID); c.BusinessHours {
			t.Fatalf("hours too short stored: %+v", c)
		}
		if r := h.staffC.Post("/admin/settings/helpdesk/hours", hoursForm(func(f url.Values) { monday(f); f.Set("count", "calendar") })); r.Status != 303 {
			t.Fatalf("the same week with calendar hours: %d", r.Status)
		}
		if r := h.staffC.Post("/admin/settings/helpdesk/sla", url.Values{"resolve_1": {"2000"}}); r.Status != 303 {
			t.Fatalf("2000 h in calendar hours: %d", r.Status)
		}

		// The targets against business hours of an hour a week.
		week := ticket.Week{time.Monday: {From: 8 * 60, To: 9 * 60}}
		if err := ticket.SaveSLACalendar(ctx, h.env.DB, h.ten.ID, ticket.SLACalendar{BusinessHours: true, Week: week}); err != nil {
			t.Fatal(err)
		}
		r = h.staffC.Post("/admin/settings/helpdesk/sla", url.Values{"resolve_1": {"600"}, "first_1": {"24"}})
		if r.Status != 422 || !strings.Contains(r.Body, "erreichen in zehn Jahren höchstens 5") || !strings.Contains(r.Body, `id="sla-resolve_1-e"`) ||
			!strings.Contains(r.Body, `value="600"`) {
			t.Errorf("target beyond the business hours: %d", r.Status)
		}
		if r := h.staffC.Post("/admin/settings/helpdesk/sla", url.Values{"resolve_1": {"500"}}); r.Status != 303 {
			t.Errorf("a target within reach: %d", r.Status)
		}
		if ts, _ := ticket.SLATargets(ctx, h.env.DB, h.ten.ID); ts[ticket.PriorityLow].Resolution != 500 {
			t.Errorf("stored targets: %+v", ts)
		}
	})
}

// TestTicketsSLAPausedPage: a ticket waiting for the customer shows its resolution as
// paused on its page and leaves the queue's due order; with business hours the card
// says so.
func TestTicketsSLAPausedPage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		if err := ticket.SetSLATargets(ctx, h.env.DB, h.ten.ID, ticket.Targets{ticket.PriorityHigh: {FirstResponse: 4, Resolution: 24}}); err != nil {
			t.Fatal(err)
		}
		id := h.open(t, h.acme, h.anna, "Waiting for the log files", func(n *ticket.New) { n.Priority = ticket.PriorityHigh })
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply", "body": "Please send the log files."}); r.Status != 303 {
			t.Fatalf("reply: %d", r.Status)
		}
		waiting, err := ticket.StatusByCode(ctx, h.env.DB, h.ten.ID, ticket.CodeWaiting)
		if err != nil {
			t.Fatal(err)
		}
		if r := h.staffC.Post("/admin/tickets/"+itoa64(id)+"/status", url.Values{"status": {itoa64(waiting.ID)}}); r.Status != 303 {
			t.Fatalf("status: %d %.300s", r.Status, r.Body)
		}
		page := h.staffC.Get("/admin/tickets/" + itoa64(id)).Body
		if !strings.Contains(page, `<span class="badge muted">Angehalten: wartet auf den Kunden</span>`) || !strings.Contains(page, "verschiebt sich um die Wartezeit") ||
			!strings.Contains(page, "Kalenderstunden aus den Zielen") {
			t.Errorf("ticket page without the pause")
		}
		if q := h.staffC.Get("/admin/tickets?sort=due").Body; strings.Contains(q, "Waiting for the log files") {
			t.Errorf("a paused ticket in the due order")
		}
		if r := h.staffC.Post("/admin/settings/helpdesk/hours", hoursForm(func(f url.Values) { f.Set("pause", "1") })); r.Status != 303 {
			t.Fatalf("calendar: %d", r.Status)
		}
		if page := h.staffC.Get("/admin/tickets/" + itoa64(id)).Body; !strings.Contains(page, "Geschäftsstunden aus den Zielen") {
			t.Errorf("ticket page does not say it counts business hours")
		}
	})
}
