package server_test

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyReport: a main contact finds the helpdesk report of their company from
// the ticket list; it counts the company's tickets of the period only, offers them as
// a CSV file (safe from formulas, in the audit log) and keeps dates that cannot be
// used with a message. A plain user has neither link nor page.
func TestCompanyReport(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newReportWorld(t, e)
		anna := w.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		if r := anna.Get("/tickets"); !strings.Contains(r.Body, `href="/tickets/report"`) {
			t.Error("no link to the report on a main contact's ticket list")
		}
		r := anna.Get("/tickets/report?from=2026-03-01&to=2026-03-15")
		if r.Status != 200 {
			t.Fatalf("report: %d %.300s", r.Status, r.Body)
		}
		for _, want := range []string{"Helpdesk report", "Acme AG", "01/03/2026 – 15/03/2026",
			`<p class="report-number">3</p>`, `<p class="report-number">1</p>`, `<p class="report-number">2</p>`,
			"Opened by", "Test anna@acme.test", "02/03/2026: 1", "2 h",
			`action="/tickets/report.csv?from=2026-03-01&amp;to=2026-03-15"`, `action="/tickets/report"`,
			"Tickets the provider opened for you, for example after a phone call, have no first response"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("the report lacks %q", want)
			}
		}
		for _, never := range []string{"Beta", "Foreign", "Admin"} {
			if strings.Contains(r.Body, never) {
				t.Errorf("the report shows %q", never)
			}
		}
		if r := anna.Get("/tickets/report?from=2025-01-01&to=2025-01-31"); r.Status != 200 ||
			!strings.Contains(r.Body, "No tickets were opened in this period.") || strings.Contains(r.Body, "report-number") {
			t.Errorf("empty period: %d", r.Status)
		}

		x := anna.Post("/tickets/report.csv?from=2026-03-01&to=2026-03-15", nil)
		if x.Status != 200 || x.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Fatalf("CSV: %d %q", x.Status, x.Header.Get("Content-Type"))
		}
		body, ok := strings.CutPrefix(x.Body, "\ufeff")
		if !ok {
			t.Fatal("no byte-order mark")
		}
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 || strings.Join(rows[0], "|") != "Number|Title|Opened by|Category|Priority|Status|Opened|First response|Resolved" {
			t.Fatalf("rows %q", rows)
		}
		if first := rows[1]; first[0] != itoa64(w.acmeIDs[0]) || first[1] != "'=HYPERLINK(\"http://evil.test\")" ||
			first[2] != "Test anna@acme.test" || first[5] != "Resolved" || first[6] != "2026-03-02 09:00" ||
			first[7] != "2026-03-02 11:00" || first[8] != "2026-03-03 09:00" {
			t.Errorf("first row %q", first)
		}
		if strings.Contains(body, "Beta") || strings.Contains(body, "Foreign") {
			t.Error("the export holds another company's ticket")
		}
		var n int
		w.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'tickets_exported'
			AND target = 'Acme AG: 2026-03-01 – 2026-03-15' AND actor LIKE 'contact:%'`, w.ten.ID).Scan(&n)
		if n != 1 {
			t.Errorf("%d audit entries of the export", n)
		}

		bad := anna.Get("/tickets/report?from=2026-03-15&to=2026-03-01")
		if bad.Status != 422 || !strings.Contains(bad.Body, "The last day cannot be before the first.") ||
			!strings.Contains(bad.Body, `value="2026-03-01"`) || strings.Contains(bad.Body, "report-number") {
			t.Errorf("bad dates: %d", bad.Status)
		}
		if x := anna.Post("/tickets/report.csv?from=2026-03-15&to=2026-03-01", nil); x.Status != 422 ||
			strings.HasPrefix(x.Header.Get("Content-Type"), "text/csv") {
			t.Errorf("CSV of bad dates: %d %s", x.Status, x.Header.Get("Content-Type"))
		}

		// In French the message is set as French sets a colon: with a space before it.
		if err := contact.SetLanguage(context.Background(), w.env.DB, w.ten.ID, w.anna.ID, "fr"); err != nil {
			t.Fatal(err)
		}
		if bad := anna.Get("/tickets/report?from=2026-03-15&to=2026-03-01"); !strings.Contains(bad.Body,
			"Au\u00a0: Le dernier jour ne peut pas précéder le premier.") {
			t.Errorf("French message: %d", bad.Status)
		}

		bernd := w.env.Client("hd.test")
		bernd.Login("bernd@acme.test", "bernd-password-1")
		if r := bernd.Get("/tickets"); strings.Contains(r.Body, `href="/tickets/report"`) {
			t.Error("a plain user's ticket list links to the report")
		}
		if r := bernd.Get("/tickets/report"); r.Status != 404 {
			t.Errorf("user report page: %d, want 404", r.Status)
		}
		if r := bernd.Post("/tickets/report.csv?from=2026-03-01&to=2026-03-15", nil); r.Status != 404 {
			t.Errorf("user report CSV: %d, want 404", r.Status)
		}
	})
}
