package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestAuditLogDateRange: the log narrows to days in the tenant's zone (either end
// alone too), says which days in the reader's format, keeps them in the pager links,
// finds an entry stored slightly out of time order, refuses a wrong date at its field
// with what was typed, and notes an unknown action instead of dropping it silently.
func TestAuditLogDateRange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, berlin, de := apptest.Start(t, e), auditBerlin(t), i18n.For("de")
		c := auditRangeFixture(t, env, berlin)
		list := func(q string) string { return c.Get("/admin/audit?" + q).Body }

		page := list("from=2026-03-05&to=2026-03-05")
		for _, want := range []string{"beta@kunde.test", "late@kunde.test", `value="2026-03-05"`,
			de.T("audit_export.range", map[string]any{"From": de.Date(day(berlin, 5), berlin), "To": de.Date(day(berlin, 5), berlin)})} {
			if !strings.Contains(page, want) {
				t.Errorf("5 March: %q missing", want)
			}
		}
		for _, not := range []string{"alpha@", "bulk001@", "gamma@", "spion@"} {
			if strings.Contains(page, not) {
				t.Errorf("5 March shows %s", not)
			}
		}
		page = list("from=2026-03-07&to=2026-03-07")
		older := mustRE(`href="(/admin/audit\?[^"]*before=\d+)"`).FindStringSubmatch(page)
		if older == nil || !strings.Contains(older[1], "from=2026-03-07") || !strings.Contains(older[1], "to=2026-03-07") {
			t.Fatalf("older link lost the dates: %v", older)
		}
		next := c.Get(strings.ReplaceAll(older[1], "&amp;", "&")).Body
		if !strings.Contains(next, "bulk") || strings.Contains(next, "beta@") || strings.Contains(next, "gamma@") {
			t.Errorf("second page of 7 March: wrong entries")
		}
		if page = list("from=2026-03-08"); !strings.Contains(page, "gamma@") || strings.Contains(page, "bulk") {
			t.Errorf("from 8 March: wrong entries")
		}
		if page = list("to=2026-03-01"); !strings.Contains(page, "alpha@") || strings.Contains(page, "beta@") {
			t.Errorf("up to 1 March: wrong entries")
		}
		for q, field := range map[string]string{"from=2026-13-01": "from", "from=2026-03-07&to=2026-03-01": "to", "to=1999-12-31": "to"} {
			r := c.Get("/admin/audit?" + q)
			if r.Status != 422 || !strings.Contains(r.Body, `<p class="error-msg" id="e-`+field+`">`) || strings.Contains(r.Body, "alpha@") {
				t.Errorf("%s: %d, want 422 with the message at %s", q, r.Status, field)
			}
		}
		if r := c.Get("/admin/audit?from=2026-13-01"); !strings.Contains(r.Body, `value="2026-13-01"`) {
			t.Errorf("wrong date not kept in the form")
		}
		r := c.Get("/admin/audit?action=login_faild")
		if r.Status != 200 || !strings.Contains(r.Body, de.T("audit_export.ignored")) || !strings.Contains(r.Body, "gamma@") {
			t.Errorf("unknown action: %d, no note or no list", r.Status)
		}
		if strings.Contains(list("action=login_failed"), de.T("audit_export.ignored")) {
			t.Errorf("a known action is noted as unknown")
		}
	})
}

// TestAuditLogCSV: the export holds the filtered entries (more than one batch), with
// the page's columns in the reader's language and the tenant's zone, a formula kept
// as text, nothing of another tenant; it is itself in the log; wrong dates are 422.
func TestAuditLogCSV(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, berlin, de := apptest.Start(t, e), auditBerlin(t), i18n.For("de")
		c := auditRangeFixture(t, env, berlin)
		r := c.Post("/admin/audit.csv?from=2026-03-05&to=2026-03-07", nil)
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(r.Header.Get("Content-Disposition"), "protokoll-") {
			t.Fatalf("export: %d %q %q", r.Status, r.Header.Get("Content-Type"), r.Header.Get("Content-Disposition"))
		}
		lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(r.Body, "\ufeff")), "\n")
		if head := lines[0]; head != strings.Join([]string{de.T("admin.audit.time"), de.T("admin.audit.actor"),
			de.T("admin.audit.action"), de.T("admin.audit.target"), de.T("admin.audit.ip")}, ";") {
			t.Errorf("headings: %q", head)
		}
		if n := len(lines) - 1; n != 2+550+1 { // beta, late, the bulk, the formula
			t.Errorf("%d rows, want 553", n)
		}
		wantBeta := "2026-03-05 23:30:00;beta@kunde.test;" + de.T("audit.action.login_failed") + ";;10.0.0.1"
		if !strings.Contains(r.Body, wantBeta) {
			t.Errorf("beta's row not %q", wantBeta)
		}
		if !strings.Contains(r.Body, ";'=1+1@evil.test;") || strings.Contains(r.Body, ";=1+1") {
			t.Errorf("formula not kept as text")
		}
		for _, not := range []string{"alpha@", "gamma@", "spion@"} {
			if strings.Contains(r.Body, not) {
				t.Errorf("export holds %s", not)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?`,
			audit.AuditExported, "2026-03-05 – 2026-03-07"); n != 1 {
			t.Errorf("%d export entries", n)
		}
		if r := c.Get("/admin/audit?action=audit_exported"); !strings.Contains(r.Body, de.T("audit.action.audit_exported")) {
			t.Errorf("export not listed in the log")
		}
		if r := c.Post("/admin/audit.csv?from=2026-02-30", nil); r.Status != 422 || !strings.Contains(r.Body, `id="e-from"`) {
			t.Errorf("export with a wrong date: %d", r.Status)
		}
		if r := c.Get("/admin/audit"); !strings.Contains(r.Body, `action="/admin/audit.csv"`) {
			t.Errorf("no CSV link on the log")
		}
		if r := c.Get("/admin/audit?action=login_failed&from=2026-03-05"); !strings.Contains(r.Body,
			`action="/admin/audit.csv?action=login_failed&amp;from=2026-03-05"`) {
			t.Errorf("CSV link without the filter")
		}
	})
}

func auditBerlin(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// day is a day of March 2026 at 10:00 in loc.
func day(loc *time.Location, d int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, loc) }

// auditRangeFixture writes entries over March 2026 (one stored after a newer one, as a
// slow transaction would) and another tenant's, and signs in the tenant's admin.
func auditRangeFixture(t *testing.T, env *apptest.Env, berlin *time.Location) *apptest.Client {
	t.Helper()
	ctx := context.Background()
	ten := env.Tenant("Service GmbH", "service.test")
	other := env.Tenant("Fremd GmbH", "fremd.test")
	env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
	log := func(tenantID int64, actor string, at time.Time) {
		t.Helper()
		if err := audit.Log(ctx, env.DB, tenantID, actor, audit.LoginFailed, "", "10.0.0.1", at); err != nil {
			t.Fatal(err)
		}
	}
	log(ten.ID, "alpha@kunde.test", day(berlin, 1))
	log(ten.ID, "beta@kunde.test", time.Date(2026, 3, 5, 23, 30, 0, 0, berlin))
	log(ten.ID, "late@kunde.test", time.Date(2026, 3, 5, 23, 10, 0, 0, berlin))
	log(other.ID, "spion@fremd.test", day(berlin, 5))
	log(ten.ID, "=1+1@evil.test", day(berlin, 6))
	for i := range 550 { // more than a batch of the export
		log(ten.ID, fmt.Sprintf("bulk%03d@kunde.test", i), day(berlin, 7).Add(time.Duration(i)*time.Second))
	}
	log(ten.ID, "gamma@kunde.test", day(berlin, 10))
	c := env.Client("service.test")
	c.AdminLogin("boss@service.test", "boss-password")
	return c
}
