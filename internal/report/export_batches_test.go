package report_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/report"
	"pforte/internal/scale"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestExportBatches: the export reads batch after batch and neither skips nor repeats
// a ticket, also where tickets opened in the same second straddle a batch's end.
func TestExportBatches(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := testutil.Open(t, e)
		if _, err := demo.Load(ctx, d, time.Now()); err != nil {
			t.Fatal(err)
		}
		ten, err := tenant.Default(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		n := 2*report.ExportBatch + 500
		if _, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: n, Password: "x", Seed: 7}); err != nil {
			t.Fatal(err)
		}
		// Forty tickets around the first batch's end opened in the same second.
		var ids []int64
		rows, err := d.Query(ctx, `SELECT id FROM tickets WHERE tenant_id = ? ORDER BY created_at, id`, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		var at int64
		d.QueryRow(ctx, `SELECT created_at FROM tickets WHERE id = ?`, ids[report.ExportBatch-20]).Scan(&at)
		if _, err := d.Exec(ctx, `UPDATE tickets SET created_at = ? WHERE tenant_id = ? AND id IN (SELECT id FROM tickets
			WHERE tenant_id = ? AND created_at >= ? ORDER BY created_at, id LIMIT 40)`, at, ten.ID, ten.ID, at); err != nil {
			t.Fatal(err)
		}
		var want []int64
		rows, _ = d.Query(ctx, `SELECT id FROM tickets WHERE tenant_id = ? ORDER BY created_at, id`, ten.ID)
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			want = append(want, id)
		}
		rows.Close()

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
