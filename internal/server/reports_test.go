package server_test

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// reportDay is a moment of March 2026 in the tenants' zone (Europe/Berlin).
func reportDay(day, hour int) time.Time {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return time.Date(2026, time.March, day, hour, 0, 0, 0, berlin)
}

// reportTicket opens a ticket at a given moment, as the portal would have then.
func reportTicket(t *testing.T, env *apptest.Env, tenantID int64, co company.Company, ct contact.Contact, title string, at time.Time) int64 {
	t.Helper()
	var id int64
	err := env.DB.InTx(context.Background(), func(tx *db.Tx) (err error) {
		id, err = ticket.Create(context.Background(), tx, ticket.New{TenantID: tenantID, CompanyID: co.ID, ContactID: ct.ID,
			Author: "Contact", Title: title, Body: "Body of " + title, Priority: ticket.PriorityNormal}, at)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// reportWorld is the helpdesk world with tickets in March 2026: three of Acme (one
// answered and resolved, titles that look like spreadsheet formulas), one of Beta,
// and one of another tenant, which no report of the helpdesk's may count.
type reportWorld struct {
	*helpdesk
	other   tenant.Tenant
	otherC  *apptest.Client // the other tenant's admin, logged in
	acmeIDs []int64
}

func newReportWorld(t *testing.T, e db.Engine) *reportWorld {
	t.Helper()
	h := newHelpdesk(t, e)
	ctx := context.Background()
	for _, m := range []staff.Member{h.admin, h.agent} {
		if err := staff.SetLanguage(ctx, h.env.DB, h.ten.ID, m.ID, "en"); err != nil {
			t.Fatal(err)
		}
	}
	w := &reportWorld{helpdesk: h}
	for i, title := range []string{"=HYPERLINK(\"http://evil.test\")", "+1 printer", "@SUM(A1) and -2"} {
		w.acmeIDs = append(w.acmeIDs, reportTicket(t, h.env, h.ten.ID, h.acme, h.anna, title, reportDay(2+i, 9)))
	}
	first := w.acmeIDs[0]
	h.change(t, first, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
		_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: h.admin.ID, Author: "Admin", Body: "On it", Via: "staff"}, reportDay(2, 11))
		return err
	})
	resolved := statusID(t, h.env, h.ten.ID, ticket.CodeResolved)
	h.change(t, first, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
		_, err := ticket.SetStatus(ctx, tx, tk, resolved, by, reportDay(3, 9))
		return err
	})
	reportTicket(t, h.env, h.ten.ID, h.beta, h.clara, "Beta question", reportDay(10, 9))

	w.other = h.env.Tenant("Other Service", "other.test")
	h.env.Staff(w.other, staff.RoleAdmin, "admin@other.test", "other-password-1")
	coB := h.env.Company(w.other, "Foreign Customer Ltd")
	carl := h.env.Contact(w.other, "carl@foreign.test", "carl-password-1", "main", coB)
	reportTicket(t, h.env, w.other.ID, coB, carl, "Foreign secret ticket", reportDay(4, 9))
	w.otherC = h.env.Client("other.test")
	w.otherC.AdminLogin("admin@other.test", "other-password-1")
	return w
}

const marchReport = "/admin/reports?from=2026-03-01&to=2026-03-15"

// TestReportsPage: admins and agents see the period's figures, linked from the
// navigation and the dashboard; the companies link to their tickets in the queue; a
// period without tickets says so.
func TestReportsPage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newReportWorld(t, e)
		agent := w.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		for who, c := range map[string]*apptest.Client{"admin": w.staffC, "agent": agent} {
			r := c.Get(marchReport)
			if r.Status != 200 {
				t.Fatalf("%s: %d %.300s", who, r.Status, r.Body)
			}
			for _, want := range []string{"Helpdesk reports", "01/03/2026 – 15/03/2026", `<p class="report-number">4</p>`,
				`<p class="report-number">1</p>`, "Acme AG", "Beta KG", `href="/admin/tickets?company=` + itoa64(w.acme.ID) + `&amp;state=all"`,
				"Tickets opened per day", "02/03/2026: 1", `action="/admin/reports/tickets.csv?from=2026-03-01&amp;to=2026-03-15"`,
				"2 h", // the first response, and the median of the one
			} {
				if !strings.Contains(r.Body, want) {
					t.Errorf("%s: the report lacks %q", who, want)
				}
			}
			if strings.Contains(r.Body, "Foreign") {
				t.Errorf("%s: the report shows another tenant's company", who)
			}
			if d := c.Get("/admin/"); !strings.Contains(d.Body, `href="/admin/reports"`) {
				t.Errorf("%s: no link to the reports on the dashboard", who)
			}
		}
		// Another period: nothing happened, and the page says so instead of tables of zeros.
		r := w.staffC.Get("/admin/reports?from=2025-01-01&to=2025-01-31")
		if r.Status != 200 || !strings.Contains(r.Body, "No tickets in this period") || strings.Contains(r.Body, "report-number") {
			t.Errorf("empty period: %d %.500s", r.Status, r.Body)
		}
		// The presets answer, an unknown one is the default.
		for _, p := range []string{"last_7", "this_month", "last_month", "this_year", "nonsense"} {
			if r := w.staffC.Get("/admin/reports?period=" + p); r.Status != 200 || !strings.Contains(r.Body, "report-presets") {
				t.Errorf("preset %s: %d", p, r.Status)
			}
		}
	})
}

// TestReportsBadRange: dates that cannot be used come back with a message beside the
// field and what was typed, and no figures; the CSV export refuses them the same way.
func TestReportsBadRange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newReportWorld(t, e)
		for _, c := range []struct{ query, typed, msg string }{
			{"from=2026-03-15&to=2026-03-01", `value="2026-03-01"`, "The last day cannot be before the first."},
			{"from=2026-02-30&to=2026-03-01", `value="2026-02-30"`, "Enter a date as year-month-day"},
			{"from=1.3.2026&to=", `value="1.3.2026"`, "Enter a date as year-month-day"},
			{"from=2024-01-01&to=2025-06-30", `value="2025-06-30"`, "at most 366 days"},
			{"from=%3Cscript%3E&to=2026-03-01", `value="&lt;script&gt;"`, "Enter a date"},
		} {
			r := w.staffC.Get("/admin/reports?" + c.query)
			if r.Status != 200 || !strings.Contains(r.Body, c.msg) || !strings.Contains(r.Body, c.typed) ||
				!strings.Contains(r.Body, `aria-invalid="true"`) || strings.Contains(r.Body, "report-number") {
				t.Errorf("%s: %d, message %v, typed %v", c.query, r.Status, strings.Contains(r.Body, c.msg), strings.Contains(r.Body, c.typed))
			}
			if strings.Contains(r.Body, "<script>") {
				t.Errorf("%s: typed text not escaped", c.query)
			}
			x := w.staffC.Post("/admin/reports/tickets.csv?"+c.query, nil)
			if x.Status != 422 || !strings.Contains(x.Body, c.msg) || strings.HasPrefix(x.Header.Get("Content-Type"), "text/csv") {
				t.Errorf("CSV %s: %d %s", c.query, x.Status, x.Header.Get("Content-Type"))
			}
		}
	})
}

// TestReportsCSV: the export is UTF-8 with a byte-order mark, named for its dates,
// holds the period's tickets of the tenant only, keeps formulas from running, and is
// in the audit log.
func TestReportsCSV(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newReportWorld(t, e)
		r := w.staffC.Post("/admin/reports/tickets.csv?from=2026-03-01&to=2026-03-15", nil)
		if r.Status != 200 || r.Header.Get("Content-Type") != "text/csv; charset=utf-8" || r.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("CSV: %d %q %q", r.Status, r.Header.Get("Content-Type"), r.Header.Get("Cache-Control"))
		}
		if d := r.Header.Get("Content-Disposition"); !strings.HasPrefix(d, "attachment") || !strings.Contains(d, "tickets-2026-03-01-2026-03-15.csv") {
			t.Errorf("Content-Disposition %q", d)
		}
		body, ok := strings.CutPrefix(r.Body, "\ufeff")
		if !ok {
			t.Fatalf("no byte-order mark: %q", r.Body[:min(20, len(r.Body))])
		}
		rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 5 || strings.Join(rows[0], "|") != "Number|Title|Company|Opened by|Category|Priority|Status|Channel|Assigned to|Opened|First response|Resolved|Rating" {
			t.Fatalf("rows: %q", rows)
		}
		first := rows[1]
		if first[0] != itoa64(w.acmeIDs[0]) || first[1] != "'=HYPERLINK(\"http://evil.test\")" || first[2] != "Acme AG" ||
			first[3] != "Test anna@acme.test" || first[5] != "Normal" || first[6] != "Resolved" || first[7] != "Portal" ||
			first[9] != "2026-03-02 09:00" || first[10] != "2026-03-02 11:00" || first[11] != "2026-03-03 09:00" {
			t.Errorf("first row %q", first)
		}
		if rows[2][1] != "'+1 printer" || rows[3][1] != "'@SUM(A1) and -2" || rows[4][1] != "Beta question" || rows[4][10] != "" {
			t.Errorf("rows %q", rows[2:])
		}
		if strings.Contains(body, "Foreign") {
			t.Error("the export holds another tenant's ticket")
		}
		var n int
		w.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'tickets_exported'
			AND target = '2026-03-01 – 2026-03-15' AND actor LIKE 'staff:%'`, w.ten.ID).Scan(&n)
		if n != 1 {
			t.Errorf("%d audit entries", n)
		}
		// German staff get semicolons, as Excel expects where numbers have a decimal comma.
		if err := staff.SetLanguage(context.Background(), w.env.DB, w.ten.ID, w.admin.ID, "de"); err != nil {
			t.Fatal(err)
		}
		de := w.staffC.Post("/admin/reports/tickets.csv?from=2026-03-01&to=2026-03-15", nil)
		if !strings.HasPrefix(de.Body, "\ufeffNummer;Betreff;Firma;") || !strings.Contains(de.Body, ";'+1 printer;") {
			t.Errorf("German export: %.200q", de.Body)
		}
	})
}

// TestReportsIsolation: another tenant's staff see only their own tickets in the
// report and the export, contacts never reach the reports, and a tenant without the
// helpdesk has none.
func TestReportsIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newReportWorld(t, e)
		r := w.otherC.Get(marchReport)
		if r.Status != 200 || !strings.Contains(r.Body, "Foreign Customer Ltd") || strings.Contains(r.Body, "Acme") ||
			!strings.Contains(r.Body, `<p class="report-number">1</p>`) || strings.Contains(r.Body, `<p class="report-number">4</p>`) {
			t.Errorf("other tenant's report: %d", r.Status)
		}
		x := w.otherC.Post("/admin/reports/tickets.csv?from=2026-03-01&to=2026-03-15", nil)
		if x.Status != 200 || strings.Count(x.Body, "\n") != 2 || !strings.Contains(x.Body, "Foreign secret ticket") ||
			strings.Contains(x.Body, "Acme") || strings.Contains(x.Body, "HYPERLINK") {
			t.Errorf("other tenant's export: %d %q", x.Status, x.Body)
		}

		// Contacts: the back office's login, never the figures.
		anna := w.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		if r := anna.Get(marchReport); r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login") {
			t.Errorf("contact GET %s: %d %q", marchReport, r.Status, r.Location)
		}
		if r := anna.Post("/admin/reports/tickets.csv?from=2026-03-01&to=2026-03-15", nil); r.Status == 200 || strings.Contains(r.Body, "Acme") {
			t.Errorf("contact's export: %d", r.Status)
		}
		if r := w.env.Client("hd.test").Get(marchReport); r.Status != 303 {
			t.Errorf("anonymous: %d", r.Status)
		}

		// Without the helpdesk the reports do not exist.
		if err := tenant.SetModules(context.Background(), w.env.DB, w.ten.ID, []string{"knowledge"}); err != nil {
			t.Fatal(err)
		}
		w.env.App.Env.ForgetTenants()
		if r := w.staffC.Get(marchReport); r.Status != 404 || strings.Contains(r.Body, `href="/admin/reports"`) {
			t.Errorf("reports without the helpdesk: %d", r.Status)
		}
	})
}
