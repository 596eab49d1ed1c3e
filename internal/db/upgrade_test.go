package db_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeFromFoundation: a database left by the first release (migration 1 only,
// with data) upgrades to the current schema, and the new search index covers old rows.
func TestUpgradeFromFoundation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		dsn, dir := testutil.DSN(t, e)
		d, err := db.Open(ctx, dsn, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if err := d.MigrateTo(ctx, 1); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO companies (tenant_id, name, search, created_at, updated_at) SELECT id, 'Altkunde GmbH', 'altkunde gmbh', 1, 1 FROM tenants`,
		} {
			if _, err := d.Exec(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Migrate(ctx); err != nil {
			t.Fatalf("upgrade: %v", err)
		}
		if ok, err := d.Migrated(ctx); !ok || err != nil {
			t.Fatalf("not fully migrated: %v", err)
		}
		var smtp string
		var n int
		if err := d.QueryRow(ctx, `SELECT smtp_url FROM tenants`).Scan(&smtp); err != nil {
			t.Errorf("new column: %v", err)
		}
		cond, args := db.SearchFilter(e, "companies", "c", "altkunde", 1)
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM companies c WHERE `+cond, args...).Scan(&n); err != nil || n != 1 {
			t.Errorf("old row not searchable: %d %v", n, err)
		}
	})
}
