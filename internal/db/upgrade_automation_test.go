package db_test

import (
	"context"
	"strconv"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeAutomation: tickets from before migration 40 get the automation's next
// step from their status: resolved ones are to be closed, counted from when they were
// resolved, ones waiting in a status the portal shows are to be reminded, counted from
// their last change; billed ones, those in a hidden waiting status and all others get
// none. On PostgreSQL the backfill runs with tickets in the table, which is what a
// migration creating its index after the UPDATE got wrong (pending trigger events).
func TestUpgradeAutomation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		status := func(code, kind string, visible bool) string {
			v := "TRUE"
			if !visible {
				v = "FALSE"
			}
			return `INSERT INTO ticket_statuses (tenant_id, code, kind, position, portal_visible) SELECT id, '` + code + `', '` + kind + `', 1, ` + v + ` FROM tenants`
		}
		ticket := func(title, code string, billed bool, updated, closed string) string {
			b := "FALSE"
			if billed {
				b = "TRUE"
			}
			return `INSERT INTO tickets (tenant_id, company_id, title, status_id, billed, reply_token, created_at, updated_at, closed_at)
				SELECT c.tenant_id, c.id, '` + title + `', s.id, ` + b + `, '` + title + `', 1, ` + updated + `, ` + closed + `
				FROM companies c JOIN ticket_statuses s ON s.tenant_id = c.tenant_id AND s.code = '` + code + `'`
		}
		d := upgraded(t, e, 39,
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO companies (tenant_id, name, created_at, updated_at) SELECT id, 'Acme', 1, 1 FROM tenants`,
			status("progress", "open", true), status("waiting", "waiting", true), status("parts", "waiting", false),
			status("resolved", "resolved", true), status("closed", "closed", true),
			ticket("resolved", "resolved", false, "500", "400"),
			ticket("billed", "resolved", true, "500", "400"),
			ticket("waiting", "waiting", false, "300", "NULL"),
			ticket("parts", "parts", false, "300", "NULL"),
			ticket("open", "progress", false, "300", "NULL"),
			ticket("closed", "closed", false, "300", "300"),
		)
		want := map[string]string{"resolved": "close 400", "waiting": "remind 300", "billed": "", "parts": "", "open": "", "closed": ""}
		for title, w := range want {
			var step string
			var since int64
			err := d.QueryRow(ctx, `SELECT COALESCE(auto_step, ''), COALESCE(auto_since, 0) FROM tickets WHERE title = ?`, title).Scan(&step, &since)
			got := ""
			if step != "" {
				got = step + " " + strconv.FormatInt(since, 10)
			}
			if err != nil || got != w {
				t.Errorf("%s: %q %v, want %q", title, got, err, w)
			}
		}
	})
}
