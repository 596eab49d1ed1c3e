package report_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/report"
	"pforte/internal/testutil"
)

// TestExportBatches: the export reads batch after batch and neither skips nor repeats
// a ticket, also where tickets opened in the same second straddle a batch's end.
func TestExportBatches(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		n := 2*report.ExportBatch + 500
		d, ten := scaledTenant(t, e, n, 7)
		// Forty tickets around the first batch's end opened in the same second.
		ids := ticketIDs(t, d, `SELECT id FROM tickets WHERE tenant_id = ? ORDER BY created_at, id`, ten.ID)
		var at int64
		d.QueryRow(ctx, `SELECT created_at FROM tickets WHERE id = ?`, ids[report.ExportBatch-20]).Scan(&at)
		if _, err := d.Exec(ctx, `UPDATE tickets SET created_at = ? WHERE tenant_id = ? AND id IN (SELECT id FROM tickets
			WHERE tenant_id = ? AND created_at >= ? ORDER BY created_at, id LIMIT 40)`, at, ten.ID, ten.ID, at); err != nil {
			t.Fatal(err)
		}
		want := ticketIDs(t, d, `SELECT id FROM tickets WHERE tenant_id = ? ORDER BY created_at, id`, ten.ID)

		zone := ten.Location()
		now := time.Now().In(zone)
		p := report.Period{First: time.Date(now.Year()-4, 1, 1, 0, 0, 0, 0, zone), Last: time.Date(now.Year(), 12, 31, 0, 0, 0, 0, zone), Zone: zone}
		var got []int64
		if err := report.Export(ctx, d, ten.ID, p, func(r report.Row) error { got = append(got, r.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(want) < n || !slices.Equal(got, want) {
			t.Errorf("exported %d tickets, want %d in order (equal: %v)", len(got), len(want), slices.Equal(got, want))
		}
	})
}
