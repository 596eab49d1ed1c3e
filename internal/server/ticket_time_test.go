package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// timeOf lists a ticket's time entries as staff see them.
func timeOf(t *testing.T, h *helpdesk, id int64) []ticket.TimeEntry {
	t.Helper()
	list, err := ticket.TimesOf(context.Background(), h.env.DB, h.ten.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// todayIn is today in the tenant's zone, as the "log time" form sends it.
func todayIn(t *testing.T, h *helpdesk) string {
	t.Helper()
	return time.Now().In(h.ten.Location()).Format("2006-01-02")
}

// TestTicketTimeReply: the reply form's "time spent" refuses garbage, zero and more
// than a day with the message at the field, keeping the reply's text and storing
// nothing; "1:30" is logged with the note, billable as ticked, and the sidebar sums it.
func TestTicketTimeReply(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Scanner offline")
		path := "/admin/tickets/" + itoa64(id)
		if page := h.staffC.Get(path).Body; !strings.Contains(page, `name="time_billable" value="1" checked`) {
			t.Errorf("billable not ticked by default")
		}
		for _, c := range []struct{ in, msg string }{
			{"abc", "Bitte geben Sie die Zeit in Minuten (45)"},
			{"0", "größer als null"},
			{"-5", "größer als null"},
			{"25h", "höchstens 24 Stunden"},
		} {
			r := h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "note", "body": "KEEP-THIS text", "time": c.in})
			body := html.UnescapeString(r.Body)
			if r.Status != 422 || !strings.Contains(body, c.msg) || !strings.Contains(body, "KEEP-THIS text") ||
				!strings.Contains(body, `value="`+c.in+`"`) {
				t.Errorf("time %q: %d, message shown %v, text kept %v", c.in, r.Status, strings.Contains(body, c.msg),
					strings.Contains(body, "KEEP-THIS text"))
			}
		}
		if n := len(staffTicket(t, h.env, h.ten.ID, id).Messages); n != 1 || len(timeOf(t, h, id)) != 0 {
			t.Fatalf("refused reply stored %d messages, %d entries", n, len(timeOf(t, h, id)))
		}
		r := h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "note", "body": "Checked the cable", "time": "1:30",
			"time_billable": "1"})
		if r.Status != 303 {
			t.Fatalf("reply with time: %d", r.Status)
		}
		list := timeOf(t, h, id)
		if len(list) != 1 || list[0].Minutes != 90 || !list[0].Billable || list[0].MessageID == 0 ||
			list[0].StaffID != h.admin.ID || list[0].Date != todayIn(t, h) {
			t.Fatalf("logged %+v", list)
		}
		r = h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Done", "time": "1,5h"})
		if r.Status != 303 {
			t.Fatalf("second reply: %d", r.Status)
		}
		page := html.UnescapeString(h.staffC.Get(path).Body)
		if !strings.Contains(page, `<dd id="time-total">3 Std.</dd>`) || !strings.Contains(page, `<dd id="time-billable">1 Std. 30 Min.</dd>`) {
			t.Errorf("sidebar sums missing: %s", between(page, `id="time"`, "</dl>"))
		}
	})
}

// TestTicketTimeLog: the "log time" form checks date, duration and note at their
// fields and keeps what was typed; agents change and delete only their own entries,
// admins any, each change in the audit log; a billed ticket refuses all of it; an
// entry through another ticket's path is a 404.
func TestTicketTimeLog(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Scanner offline")
		other := h.open(t, h.acme, h.anna, "Other")
		path := "/admin/tickets/" + itoa64(id)
		today := todayIn(t, h)
		future := time.Now().In(h.ten.Location()).AddDate(0, 0, 2).Format("2006-01-02")
		for _, c := range []struct {
			name string
			form url.Values
			msg  string
		}{
			{"no duration", url.Values{"log_date": {today}, "log_note": {"KEEP-NOTE"}}, "Bitte geben Sie den Zeitaufwand ein"},
			{"garbage", url.Values{"log_date": {today}, "log_duration": {"lots"}, "log_note": {"KEEP-NOTE"}}, "Stunden und Minuten (1:30)"},
			{"bad date", url.Values{"log_date": {"23.11."}, "log_duration": {"45"}, "log_note": {"KEEP-NOTE"}}, "JJJJ-MM-TT"},
			{"future", url.Values{"log_date": {future}, "log_duration": {"45"}, "log_note": {"KEEP-NOTE"}}, "in der Zukunft"},
			{"long note", url.Values{"log_date": {today}, "log_duration": {"45"}, "log_note": {"KEEP-NOTE" + strings.Repeat("x", 500)}}, "höchstens 500 Zeichen"},
		} {
			r := h.staffC.Post(path+"/time", c.form)
			body := html.UnescapeString(r.Body)
			if r.Status != 422 || !strings.Contains(body, c.msg) || !strings.Contains(body, "KEEP-NOTE") {
				t.Errorf("%s: %d, message %v, note kept %v", c.name, r.Status, strings.Contains(body, c.msg), strings.Contains(body, "KEEP-NOTE"))
			}
		}
		if len(timeOf(t, h, id)) != 0 {
			t.Fatal("refused input stored time")
		}
		if r := h.staffC.Post(path+"/time", url.Values{"log_date": {today}, "log_duration": {"45"}, "log_note": {"admin call"}}); r.Status != 303 {
			t.Fatalf("log: %d", r.Status)
		}
		agentC := h.env.Client("hd.test")
		agentC.AdminLogin("agent@hd.test", "agent-password-1")
		if r := agentC.Post(path+"/time", url.Values{"log_date": {today}, "log_duration": {"20m"}, "log_billable": {"1"}}); r.Status != 303 {
			t.Fatalf("agent log: %d", r.Status)
		}
		list := timeOf(t, h, id)
		if len(list) != 2 || list[0].Billable || list[0].Note != "admin call" || list[1].Minutes != 20 || list[1].StaffID != h.agent.ID {
			t.Fatalf("entries %+v", list)
		}
		adminEntry, agentEntry := itoa64(list[0].ID), itoa64(list[1].ID)
		// An agent cannot touch the admin's entry.
		if r := agentC.Get(path + "/time/" + adminEntry); r.Status != 303 {
			t.Errorf("agent opens admin's entry: %d", r.Status)
		}
		if r := agentC.Post(path+"/time/"+adminEntry, url.Values{"log_date": {today}, "log_duration": {"1"}}); r.Status != 303 {
			t.Errorf("agent changes admin's entry: %d", r.Status)
		}
		if r := agentC.Post(path+"/time/"+adminEntry+"/delete", nil); r.Status != 303 {
			t.Errorf("agent deletes admin's entry: %d", r.Status)
		}
		if got := timeOf(t, h, id); len(got) != 2 || got[0].Minutes != 45 {
			t.Fatalf("agent changed admin's entry: %+v", got)
		}
		// The agent's own: the form shows it, bad input keeps it, a good one saves.
		if r := agentC.Get(path + "/time/" + agentEntry); r.Status != 200 || !strings.Contains(r.Body, `value="0:20"`) {
			t.Errorf("edit form: %d", r.Status)
		}
		if r := agentC.Post(path+"/time/"+agentEntry, url.Values{"log_date": {today}, "log_duration": {"0"}, "log_note": {"KEEP-NOTE"}}); r.Status != 422 ||
			!strings.Contains(html.UnescapeString(r.Body), "größer als null") || !strings.Contains(r.Body, "KEEP-NOTE") {
			t.Errorf("bad edit: %d", r.Status)
		}
		if r := agentC.Post(path+"/time/"+agentEntry, url.Values{"log_date": {today}, "log_duration": {"1h"}, "log_billable": {"1"}}); r.Status != 303 {
			t.Errorf("edit: %d", r.Status)
		}
		if r := h.staffC.Post(path+"/time/"+agentEntry+"/delete", nil); r.Status != 303 {
			t.Errorf("admin deletes agent's entry: %d", r.Status)
		}
		if got := timeOf(t, h, id); len(got) != 1 {
			t.Fatalf("after delete: %+v", got)
		}
		var changed, deleted string
		h.env.DB.QueryRow(context.Background(), `SELECT target FROM audit_log WHERE action = 'ticket_time_changed'`).Scan(&changed)
		h.env.DB.QueryRow(context.Background(), `SELECT target FROM audit_log WHERE action = 'ticket_time_deleted'`).Scan(&deleted)
		if !strings.Contains(changed, "20 → 60 min") || !strings.Contains(changed, "#"+itoa64(id)) || !strings.Contains(deleted, "60 → 0 min") {
			t.Errorf("audit: changed %q, deleted %q", changed, deleted)
		}
		// Another ticket's path with this entry is a 404.
		for _, p := range []string{"/admin/tickets/" + itoa64(other) + "/time/" + adminEntry, path + "/time/999999"} {
			if r := h.staffC.Get(p); r.Status != 404 {
				t.Errorf("GET %s: %d", p, r.Status)
			}
			if r := h.staffC.Post(p+"/delete", nil); r.Status != 404 {
				t.Errorf("delete %s: %d", p, r.Status)
			}
		}
		timeBilledLock(t, h, id, adminEntry, today)
	})
}

// timeBilledLock: once billed, the ticket's time takes no new entry, change or
// deletion, each refused with the reason, and the page offers none of it.
func timeBilledLock(t *testing.T, h *helpdesk, id int64, entry, today string) {
	t.Helper()
	path := "/admin/tickets/" + itoa64(id)
	h.setStatus(t, id, ticket.CodeResolved) // only finished work is billed
	if r := h.staffC.Post(path+"/billed", url.Values{"billed": {"1"}}); r.Status != 303 {
		t.Fatalf("bill: %d", r.Status)
	}
	for _, r := range []apptest.Response{
		h.staffC.Post(path+"/time", url.Values{"log_date": {today}, "log_duration": {"45"}}),
		h.staffC.Post(path+"/time/"+entry, url.Values{"log_date": {today}, "log_duration": {"5"}}),
		h.staffC.Post(path+"/time/"+entry+"/delete", nil),
		h.staffC.Get(path + "/time/" + entry),
	} {
		if r.Status != 303 {
			t.Errorf("billed ticket: %d", r.Status)
		}
	}
	if got := timeOf(t, h, id); len(got) != 1 || got[0].Minutes != 45 {
		t.Errorf("billed ticket's time changed: %+v", got)
	}
	page := html.UnescapeString(h.staffC.Get(path).Body)
	if !strings.Contains(page, "Seine Zeiten lassen sich nicht mehr ändern") || strings.Contains(page, `action="`+path+`/time"`) ||
		strings.Contains(page, "/time/"+entry+"/delete") {
		t.Errorf("billed ticket still offers time changes")
	}
	r := h.staffC.Post(path+"/time", url.Values{"log_date": {today}, "log_duration": {"45"}})
	if msg := html.UnescapeString(h.staffC.Get(r.Location).Body); !strings.Contains(msg, "Zeiten lassen sich nicht mehr erfassen") {
		t.Errorf("no message for the billed lock")
	}
}
