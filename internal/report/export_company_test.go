package report_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/report"
	"pforte/internal/testutil"
)

// TestExportCompanyBatches: a main contact's export walks every batch of the company's
// tickets and leaves out those in a status the portal hides, also where that leaves a
// batch short (the hidden ones are dropped after the query, so a short batch must not
// end the walk), and those merged into another.
func TestExportCompanyBatches(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d, ten := scaledTenant(t, e, 2*report.ExportBatch+300, 11)
		c := principal.Contact{TenantID: ten.ID, Role: principal.RoleMain}
		if err := d.QueryRow(ctx, `SELECT id FROM companies WHERE tenant_id = ? ORDER BY id LIMIT 1`, ten.ID).Scan(&c.CompanyID); err != nil {
			t.Fatal(err)
		}
		// All of the tenant's tickets become this company's, one status is hidden from
		// the portal and a ticket is merged: every batch holds tickets to leave out.
		var hidden, merged int64
		if err := d.QueryRow(ctx, `SELECT status_id FROM tickets WHERE tenant_id = ? GROUP BY status_id
			HAVING COUNT(*) >= 30 ORDER BY COUNT(*) LIMIT 1`,
			ten.ID).Scan(&hidden); err != nil {
			t.Fatal(err)
		}
		d.QueryRow(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND status_id <> ? ORDER BY id LIMIT 1`, ten.ID, hidden).Scan(&merged)
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE tickets SET company_id = ? WHERE tenant_id = ?`, []any{c.CompanyID, ten.ID}},
			{`UPDATE ticket_statuses SET portal_visible = ? WHERE id = ?`, []any{false, hidden}},
			{`UPDATE tickets SET merged_into = (SELECT MAX(id) FROM tickets WHERE tenant_id = ?) WHERE id = ?`, []any{ten.ID, merged}},
		} {
			if _, err := d.Exec(ctx, q.sql, q.args...); err != nil {
				t.Fatal(err)
			}
		}
		want := ticketIDs(t, d, `SELECT id FROM tickets WHERE tenant_id = ? AND status_id <> ? AND merged_into IS NULL
			ORDER BY created_at, id`, ten.ID, hidden)

		zone := ten.Location()
		now := time.Now().In(zone)
		p := report.Period{First: time.Date(now.Year()-4, 1, 1, 0, 0, 0, 0, zone), Last: time.Date(now.Year(), 12, 31, 0, 0, 0, 0, zone), Zone: zone}
		var got []int64
		if err := report.ExportCompany(ctx, d, c, p, func(r report.Row) error { got = append(got, r.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) < report.ExportBatch+1 || !slices.Equal(got, want) {
			t.Errorf("exported %d tickets, want %d in order (equal: %v)", len(got), len(want), slices.Equal(got, want))
		}
	})
}
