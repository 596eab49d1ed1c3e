package report_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/scale"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// scaledTenant opens a database of engine e with the demo tenant and n generated
// tickets (seed fixes them), for the export tests that need several batches.
func scaledTenant(t *testing.T, e db.Engine, n int, seed uint64) (*db.DB, tenant.Tenant) {
	t.Helper()
	ctx := context.Background()
	d := testutil.Open(t, e)
	if _, err := demo.Load(ctx, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: n, Password: "x", Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return d, ten
}

// ticketIDs returns the ids query selects (one column), in its order.
func ticketIDs(t *testing.T, d *db.DB, query string, args ...any) []int64 {
	t.Helper()
	rows, err := d.Query(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}
