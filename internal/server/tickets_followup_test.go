package server_test

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestFollowUpForm: the follow-up form refuses a missing, malformed, past or far-off
// moment, an unknown quick choice and an overlong note, each with its message at the
// field and what was typed kept (422); a quick choice sets tomorrow 9:00 in the
// tenant's zone; a typed moment is read in that zone; another tenant's ticket is a
// 404; clearing removes it; the history shows both.
func TestFollowUpForm(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		id := h.open(t, h.acme, h.anna, "Scanner offline")
		path := "/admin/tickets/" + itoa64(id) + "/followup"
		berlin, _ := time.LoadLocation("Europe/Berlin")
		future := time.Now().In(berlin).AddDate(0, 1, 0).Format("2006-01-02") + "T10:30"
		for _, c := range []struct {
			name string
			form url.Values
			msg  string
			kept []string
		}{
			{"empty", url.Values{"when": {"date"}, "followup_note": {"ask Anna"}}, "Bitte Datum und Uhrzeit eingeben", []string{"ask Anna"}},
			{"malformed", url.Values{"when": {"date"}, "followup_at": {"31.12. 9 Uhr"}, "followup_note": {"ask Anna"}},
				"JJJJ-MM-TT HH:MM", []string{"31.12. 9 Uhr", "ask Anna"}},
			{"past", url.Values{"when": {"date"}, "followup_at": {"2020-03-01T09:00"}, "followup_note": {"ask Anna"}},
				"Dieser Zeitpunkt ist schon vorbei", []string{"2020-03-01T09:00", "ask Anna"}},
			{"far", url.Values{"when": {"date"}, "followup_at": {"2091-03-01T09:00"}}, "innerhalb der nächsten fünf Jahre", []string{"2091-03-01T09:00"}},
			{"choice", url.Values{"when": {"someday"}}, "Schnellauswahlen", nil},
			{"note", url.Values{"when": {"date"}, "followup_at": {future}, "followup_note": {strings.Repeat("x", 201)}}, "höchstens 200 Zeichen",
				[]string{future}},
		} {
			r := h.staffC.Post(path, c.form)
			body := html.UnescapeString(r.Body)
			if r.Status != 422 || !strings.Contains(body, c.msg) {
				t.Errorf("%s: %d, message %q shown: %v", c.name, r.Status, c.msg, strings.Contains(body, c.msg))
			}
			for _, k := range c.kept {
				if !strings.Contains(body, `value="`+k+`"`) {
					t.Errorf("%s: %q not kept", c.name, k)
				}
			}
		}
		if f, err := ticket.FollowUpOf(ctx, h.env.DB, h.ten.ID, id); err != nil || !f.At.IsZero() {
			t.Fatalf("refused input stored a follow-up: %+v %v", f, err)
		}

		if r := h.staffC.Post(path, url.Values{"when": {"tomorrow"}, "followup_note": {"ask Anna"}}); r.Status != 303 {
			t.Fatalf("tomorrow: %d", r.Status)
		}
		f, err := ticket.FollowUpOf(ctx, h.env.DB, h.ten.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		local := time.Now().In(berlin)
		if want := time.Date(local.Year(), local.Month(), local.Day()+1, 9, 0, 0, 0, berlin); !f.At.Equal(want) || f.Note != "ask Anna" {
			t.Errorf("tomorrow's follow-up %v %q, want %v", f.At, f.Note, want)
		}
		if r := h.staffC.Post(path, url.Values{"when": {"date"}, "followup_at": {future}}); r.Status != 303 {
			t.Fatalf("typed moment: %d", r.Status)
		}
		want, _ := time.ParseInLocation("2006-01-02T15:04", future, berlin)
		if f, _ := ticket.FollowUpOf(ctx, h.env.DB, h.ten.ID, id); !f.At.Equal(want) {
			t.Errorf("typed follow-up %v, want %v (Berlin)", f.At, want)
		}
		page := html.UnescapeString(h.staffC.Get("/admin/tickets/" + itoa64(id)).Body)
		if !strings.Contains(page, `id="followup"`) || !strings.Contains(page, `value="`+future+`"`) ||
			!strings.Contains(page, "hat eine Wiedervorlage für") {
			t.Errorf("ticket page does not show the follow-up and its history")
		}
		// Another tenant's ticket is a 404 for a valid form, and stays without follow-up.
		tb := h.env.Tenant("Other Service", "other.test")
		coB := h.env.Company(tb, "Other Customer")
		ctB := h.env.Contact(tb, "olga@other.test", "olga-password-1", "main", coB)
		foreign := openTicket(t, h.env, tb.ID, coB.ID, ctB.ID, "Other ticket")
		if r := h.staffC.Post("/admin/tickets/"+itoa64(foreign)+"/followup", url.Values{"when": {"tomorrow"}}); r.Status != 404 {
			t.Errorf("foreign ticket: %d, want 404", r.Status)
		}
		if r := h.staffC.Post("/admin/tickets/"+itoa64(foreign)+"/followup", url.Values{"when": {"clear"}}); r.Status != 404 {
			t.Errorf("foreign ticket, clear: %d, want 404", r.Status)
		}
		if f, _ := ticket.FollowUpOf(ctx, h.env.DB, tb.ID, foreign); !f.At.IsZero() {
			t.Errorf("foreign ticket got a follow-up")
		}
		if r := h.staffC.Post(path, url.Values{"when": {"clear"}}); r.Status != 303 {
			t.Fatalf("clear: %d", r.Status)
		}
		if f, _ := ticket.FollowUpOf(ctx, h.env.DB, h.ten.ID, id); !f.At.IsZero() {
			t.Errorf("cleared follow-up still set: %+v", f)
		}
		if page := h.staffC.Get("/admin/tickets/" + itoa64(id)).Body; !strings.Contains(page, "hat die Wiedervorlage entfernt") {
			t.Errorf("history does not tell the follow-up was cleared")
		}
	})
}

// TestFollowUpDue: once a follow-up falls due the automation pass mails its owner once,
// the queue marks the ticket and lists it under "follow-up due", and the dashboard
// counts it for its owner only; the contact sees nothing of it on the portal's pages,
// in the export or in mail.
func TestFollowUpDue(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		due := h.open(t, h.acme, h.anna, "Toner order")
		later := h.open(t, h.acme, h.anna, "Firmware update")
		for _, id := range []int64{due, later} {
			if r := h.staffC.Post("/admin/tickets/"+itoa64(id)+"/followup", url.Values{"when": {"week"}, "followup_note": {"secret staff reminder"}}); r.Status != 303 {
				t.Fatalf("set: %d", r.Status)
			}
		}
		// A week passes for the first ticket.
		if _, err := h.env.DB.Exec(ctx, `UPDATE tickets SET followup_at = followup_at - ?, followup_mail_at = followup_mail_at - ?
			WHERE id = ?`, 8*24*3600, 8*24*3600, due); err != nil {
			t.Fatal(err)
		}
		staffMails := func() int {
			var n int
			if err := h.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE ticket_id = ? AND to_addr = 'admin@hd.test'`, due).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := staffMails()
		h.env.App.Automate(ctx, time.Now())
		h.env.App.Automate(ctx, time.Now().Add(5*time.Minute))
		if got := staffMails() - before; got != 1 {
			t.Errorf("owner got %d follow-up mails, want 1", got)
		}

		// The badges (the filter's choices use the same words, so the badge's markup counts).
		dueBadge := "⏰ </span>Wiedervorlage fällig</time>"
		laterBadge := regexp.MustCompile(`<time class="badge muted" datetime="[^"]+" title="[^"]+">Wiedervorlage \d\d\.\d\d\.\d{4}</time>`)
		queue := html.UnescapeString(h.staffC.Get("/admin/tickets?followup=mine&state=all").Body)
		if !strings.Contains(queue, "Toner order") || strings.Contains(queue, "Firmware update") || strings.Count(queue, dueBadge) != 1 ||
			!strings.Contains(queue, `<option value="mine" selected>`) {
			t.Errorf("queue of my due follow-ups wrong")
		}
		all := html.UnescapeString(h.staffC.Get("/admin/tickets").Body)
		if strings.Count(all, dueBadge) != 1 || len(laterBadge.FindAllString(all, -1)) != 1 {
			t.Errorf("queue has not one due and one later follow-up badge")
		}
		dash := html.UnescapeString(h.staffC.Get("/admin/").Body)
		if !strings.Contains(dash, `href="/admin/tickets?followup=mine&state=all"`) || !strings.Contains(dash, "1 Wiedervorlage fällig") {
			t.Errorf("dashboard does not count the due follow-up")
		}
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if dash := agent.Get("/admin/").Body; strings.Contains(dash, "Wiedervorlage fällig") {
			t.Errorf("another member's dashboard counts the admin's follow-up")
		}
		if q := agent.Get("/admin/tickets?followup=mine&state=all").Body; strings.Contains(q, "Toner order") {
			t.Errorf("another member's queue lists the admin's follow-up as theirs")
		}
		if q := agent.Get("/admin/tickets?followup=due&state=all").Body; !strings.Contains(q, "Toner order") {
			t.Errorf("everyone's due follow-ups miss the ticket")
		}

		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		for _, p := range []string{"/tickets/" + itoa64(due), "/tickets", "/account/export"} {
			body := anna.Get(p).Body
			if p == "/account/export" {
				body = anna.Post(p, nil).Body
			}
			for _, word := range []string{"secret staff reminder", "Follow-up", "follow-up", "Wiedervorlage"} {
				if strings.Contains(body, word) {
					t.Errorf("portal %s shows %q", p, word)
				}
			}
		}
		var n int
		if err := h.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = 'anna@acme.test' AND (text_body LIKE '%secret staff%' OR subject LIKE '%Wiedervorlage%' OR subject LIKE '%ollow-up%')`).Scan(&n); err != nil || n != 0 {
			t.Errorf("contact got %d mails about follow-ups (%v)", n, err)
		}
	})
}
