package db_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDowngradeStaffOpenedFirstResponse: migration 59's Down gives tickets staff
// opened back what the older code stored for them: answered when opened, and due then
// too when their priority has a first-response target, so the older reports count
// them met as before (answered by the due time), not answered yet neither met nor
// missed; without a target, no due time, as the older code stored. A contact's ticket
// keeps its own times.
func TestDowngradeStaffOpenedFirstResponse(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		ticket := func(via string, priority string, responded string) string {
			return `INSERT INTO tickets (tenant_id, company_id, title, status_id, via, reply_token, priority, created_at, updated_at,
				first_response_due_at, first_responded_at)
				SELECT t.id, c.id, 'T', s.id, '` + via + `', 'tok-` + via + priority + `', ` + priority + `, 100, 100, 200, ` + responded + `
				FROM tenants t JOIN companies c ON c.tenant_id = t.id JOIN ticket_statuses s ON s.tenant_id = t.id`
		}
		d := upgraded(t, e, 58,
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO companies (tenant_id, name, search, created_at, updated_at) SELECT id, 'Altkunde GmbH', 'altkunde gmbh', 1, 1 FROM tenants`,
			`INSERT INTO ticket_statuses (tenant_id, kind) SELECT id, 'open' FROM tenants`,
			`INSERT INTO ticket_sla_targets (tenant_id, priority, first_response_hours, resolution_hours) SELECT id, 3, 4, 24 FROM tenants`,
			`INSERT INTO ticket_sla_targets (tenant_id, priority, first_response_hours, resolution_hours) SELECT id, 2, NULL, 48 FROM tenants`,
			ticket("staff", "3", "100"), ticket("staff", "2", "100"), ticket("staff", "1", "100"), ticket("portal", "3", "150"))
		runDown(t, d, e, "00059_queue_contact")
		for _, c := range []struct {
			via      string
			priority int
			due, at  int64
		}{{"staff", 3, 100, 100}, {"staff", 2, 0, 100}, {"staff", 1, 0, 100}, {"portal", 3, 200, 150}} {
			var due, at int64
			if err := d.QueryRow(ctx, `SELECT COALESCE(first_response_due_at, 0), COALESCE(first_responded_at, 0) FROM tickets
				WHERE via = ? AND priority = ?`, c.via, c.priority).Scan(&due, &at); err != nil {
				t.Fatal(err)
			}
			if due != c.due || at != c.at {
				t.Errorf("%s, priority %d: due %d, responded %d; want due %d, responded %d", c.via, c.priority, due, at, c.due, c.at)
			}
		}
	})
}
