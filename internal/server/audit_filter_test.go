package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestAuditLogFilter: the audit log filters by action and by text in who or what,
// pages keep the filter, another tenant's entries never show, and a mangled filter
// shows the whole log instead of an error.
func TestAuditLogFilter(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx, now := context.Background(), time.Now()
		ten := env.Tenant("Service GmbH", "service.test")
		other := env.Tenant("Fremd GmbH", "fremd.test")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		log := func(tenantID int64, actor, action, target string) {
			t.Helper()
			if err := audit.Log(ctx, env.DB, tenantID, actor, action, target, "10.0.0.1", now); err != nil {
				t.Fatal(err)
			}
		}
		for i := range 60 { // more than a page of one action
			log(ten.ID, fmt.Sprintf("kunde%02d@kunde.test", i), audit.LoginFailed, "")
		}
		log(ten.ID, "staff:1 boss@service.test", audit.SettingsChanged, "Service 50%_GmbH")
		log(other.ID, "spion@fremd.test", audit.LoginFailed, "")
		c := env.Client("service.test")
		c.AdminLogin("boss@service.test", "boss-password")
		list := func(q url.Values) string { return c.Get("/admin/audit?" + q.Encode()).Body }

		page := list(url.Values{"action": {audit.SettingsChanged}})
		if !strings.Contains(page, "Service 50%_GmbH") || strings.Contains(page, "kunde01@") {
			t.Errorf("action filter: settings entry missing or login failures shown")
		}
		page = list(url.Values{"action": {audit.LoginFailed}})
		if strings.Contains(page, "Service 50%_GmbH") || strings.Contains(page, "spion@") || !strings.Contains(page, "kunde59@") {
			t.Errorf("login failures: wrong entries")
		}
		older := mustRE(`href="(/admin/audit\?[^"]*before=\d+)"`).FindStringSubmatch(page)
		if older == nil || !strings.Contains(older[1], "action=login_failed") {
			t.Fatalf("older link lost the filter: %v", older)
		}
		next := c.Get(strings.ReplaceAll(older[1], "&amp;", "&")).Body
		if !strings.Contains(next, "kunde00@") || strings.Contains(next, "Service 50%_GmbH") {
			t.Errorf("second page of the filter: wrong entries")
		}
		// Text: case-insensitive, in the target, with LIKE's wildcards taken literally.
		if page = list(url.Values{"q": {"50%_gmbh"}}); !strings.Contains(page, "Service 50%_GmbH") || strings.Contains(page, "kunde01@") {
			t.Errorf("search in the target")
		}
		if page = list(url.Values{"q": {"0%"}}); strings.Contains(page, "kunde10@") {
			t.Errorf("%% matched as a wildcard")
		}
		if page = list(url.Values{"q": {"KUNDE07"}}); !strings.Contains(page, "kunde07@") || strings.Contains(page, "kunde08@") {
			t.Errorf("search in the actor")
		}
		if page = list(url.Values{"q": {"spion"}}); strings.Contains(page, "spion@") || !strings.Contains(page, "Keine Einträge passen") {
			t.Errorf("another tenant's entry found, or no empty-filter message")
		}
		if r := c.Get("/admin/audit?action=%27%3B+DROP&q=" + strings.Repeat("x", 300)); r.Status != 200 || !strings.Contains(r.Body, "kunde59@") {
			t.Errorf("mangled filter: %d", r.Status)
		}
	})
}
