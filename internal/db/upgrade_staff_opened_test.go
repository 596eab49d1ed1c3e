package db_test

import (
	"context"
	"strconv"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeStaffOpenedFirstResponse: migration 59 clears the first response that
// tickets staff opened got when they were opened (a 0-minute answer the reports
// counted), and keeps a contact's ticket's.
func TestUpgradeStaffOpenedFirstResponse(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		ticket := func(via string, responded int) string {
			return `INSERT INTO tickets (tenant_id, company_id, title, status_id, via, reply_token, created_at, updated_at,
				first_response_due_at, first_responded_at)
				SELECT t.id, c.id, '` + via + `', s.id, '` + via + `', 'tok-` + via + `', 100, 100, 200, ` + strconv.Itoa(responded) + `
				FROM tenants t JOIN companies c ON c.tenant_id = t.id JOIN ticket_statuses s ON s.tenant_id = t.id`
		}
		d := upgraded(t, e, 58,
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO companies (tenant_id, name, search, created_at, updated_at) SELECT id, 'Altkunde GmbH', 'altkunde gmbh', 1, 1 FROM tenants`,
			`INSERT INTO ticket_statuses (tenant_id, kind) SELECT id, 'open' FROM tenants`,
			ticket("staff", 100), ticket("portal", 150))
		for via, want := range map[string]int64{"staff": 0, "portal": 150} {
			var due, at int64
			if err := d.QueryRow(ctx, `SELECT COALESCE(first_response_due_at, 0), COALESCE(first_responded_at, 0) FROM tickets WHERE via = ?`, via).
				Scan(&due, &at); err != nil {
				t.Fatal(err)
			}
			if at != want || (due == 0) != (want == 0) {
				t.Errorf("%s: due %d, responded %d; want responded %d", via, due, at, want)
			}
		}
	})
}
