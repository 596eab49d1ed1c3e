package server_test

import (
	"context"
	"encoding/csv"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// logTime adds an entry to the helpdesk's ticket id as staff member staffID.
func logTime(t *testing.T, h *helpdesk, id, staffID int64, day string, minutes int, billable bool, note string) {
	t.Helper()
	ctx := context.Background()
	tk, err := ticket.ForStaff(ctx, h.env.DB, h.ten.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	in := ticket.TimeInput{Date: day, Minutes: minutes, Billable: billable, Note: note}
	if _, err := ticket.AddTime(ctx, h.env.DB, tk, staffID, in, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// TestTimeReport: the report sums the period's time per company, total and billable
// hours with the reader's decimal comma, and the CSV export lists the period's
// entries (semicolons for a German reader, whole minutes, formula-looking text made
// harmless); time outside the period or of another tenant is in neither.
func TestTimeReport(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		a := h.open(t, h.acme, h.anna, "=Printer")
		b := h.open(t, h.beta, h.clara, "Router")
		logTime(t, h, a, h.admin.ID, "2026-03-03", 90, true, "=cmd")
		logTime(t, h, a, h.agent.ID, "2026-03-04", 30, false, "travel")
		logTime(t, h, b, h.agent.ID, "2026-03-05", 45, true, "")
		logTime(t, h, b, h.agent.ID, "2026-04-01", 600, true, "OUTSIDE")
		q := "?from=2026-03-01&to=2026-03-31"
		page := html.UnescapeString(h.staffC.Get("/admin/reports" + q).Body)
		card := between(page, `id="report-time"`, "</table>")
		acme := between(card, "Acme AG", "</tr>")
		beta := between(card, "Beta KG", "</tr>")
		if !strings.Contains(acme, ">2</td>") || !strings.Contains(acme, ">1,5</td>") || !strings.Contains(beta, ">0,75</td>") ||
			strings.Index(card, "Acme AG") > strings.Index(card, "Beta KG") {
			t.Errorf("time per company:\n%s", card)
		}
		r := h.staffC.Post("/admin/reports/time.csv"+q, nil)
		if r.Status != 200 || !strings.HasPrefix(r.Body, "\ufeff") {
			t.Fatalf("csv: %d", r.Status)
		}
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.Body, "\ufeff")))
		cr.Comma = ';'
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{
			{"Datum", "Firma", "Ticket", "Betreff", "Mitarbeitende", "Minuten", "Abrechenbar", "Notiz"},
			{"2026-03-03", "Acme AG", itoa64(a), "'=Printer", "Admin", "90", "ja", "'=cmd"},
			{"2026-03-04", "Acme AG", itoa64(a), "'=Printer", "Agent", "30", "nein", "travel"},
			{"2026-03-05", "Beta KG", itoa64(b), "Router", "Agent", "45", "ja", ""},
		}
		if len(rows) != len(want) {
			t.Fatalf("csv rows %q", rows)
		}
		for i := range want {
			for j := range want[i] {
				if j == 4 && i > 0 { // staff names: as the world made them
					continue
				}
				if rows[i][j] != want[i][j] {
					t.Errorf("csv row %d col %d = %q, want %q", i, j, rows[i][j], want[i][j])
				}
			}
		}
		var n int
		h.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'time_exported'`).Scan(&n)
		if n != 1 {
			t.Errorf("export audited %d times", n)
		}
	})
}

// TestTimePortal: with the tenant's setting off (the default) nothing about time
// reaches the contact: not the ticket page, not the mails, not the data export; with
// it on the ticket page shows the total and each day's time, never a note or who.
func TestTimePortal(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Scanner offline")
		path := "/admin/tickets/" + itoa64(id)
		if r := h.staffC.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "Fixed it", "time": "1:30",
			"time_billable": "1"}); r.Status != 303 {
			t.Fatalf("reply: %d", r.Status)
		}
		logTime(t, h, id, h.agent.ID, "2026-11-02", 15, false, "SECRET-TIME-NOTE")
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		page := anna.Get("/tickets/" + itoa64(id)).Body
		if !strings.Contains(page, "Fixed it") {
			t.Fatal("contact does not see the ticket")
		}
		for _, leak := range []string{"time-total", "Time spent", "1 h 45 min", "SECRET-TIME-NOTE"} {
			if strings.Contains(page, leak) {
				t.Errorf("setting off: portal shows %q", leak)
			}
		}
		for _, m := range mailsFor(t, h.env, id) {
			if strings.Contains(m, "1:30") || strings.Contains(m, "1 h 30") || strings.Contains(m, "SECRET-TIME-NOTE") {
				t.Errorf("a mail tells the time: %.200s", m)
			}
		}
		if r := anna.Post("/account/export", nil); r.Status != 200 || strings.Contains(r.Body, "SECRET-TIME-NOTE") ||
			strings.Contains(r.Body, "minutes") {
			t.Errorf("data export: %d, tells the time", r.Status)
		}
		settings := url.Values{"reopen": {"1"}, "upload_mb": {"10"}, "time_billable": {"1"}, "time_portal": {"1"}}
		if r := h.staffC.Post("/admin/settings/helpdesk", settings); r.Status != 303 {
			t.Fatalf("settings: %d", r.Status)
		}
		page = html.UnescapeString(anna.Get("/tickets/" + itoa64(id)).Body)
		if !strings.Contains(page, `<strong id="time-total">1 h 45 min</strong>`) || !strings.Contains(page, "02/11/2026 · 15 min") {
			t.Errorf("setting on: time missing:\n%s", between(page, `id="time"`, "</section>"))
		}
		if strings.Contains(page, "SECRET-TIME-NOTE") || strings.Contains(page, "Agent") {
			t.Errorf("setting on: portal shows the note or who logged it")
		}
		if r := anna.Post("/account/export", nil); strings.Contains(r.Body, "SECRET-TIME-NOTE") {
			t.Errorf("data export shows the staff note")
		}
	})
}
