package db_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeFromFoundation: a database left by the first release (migration 1 only,
// with data) upgrades to the current schema, and the new search index covers old rows.
func TestUpgradeFromFoundation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := upgraded(t, e, 1,
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO companies (tenant_id, name, search, created_at, updated_at) SELECT id, 'Altkunde GmbH', 'altkunde gmbh', 1, 1 FROM tenants`)
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

// upgraded opens a fresh database on engine e at schema version from, fills in rows
// (SQL statements) as a release of that version would have left them, and then runs
// every later migration over them, as an upgrade in place does.
func upgraded(t *testing.T, e db.Engine, from int64, rows ...string) *db.DB {
	t.Helper()
	ctx := context.Background()
	dsn, dir := testutil.DSN(t, e)
	d, err := db.Open(ctx, dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.MigrateTo(ctx, from); err != nil {
		t.Fatal(err)
	}
	for _, q := range rows {
		if _, err := d.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Migrate(ctx); err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	return d
}

// runDown runs the "-- +goose Down" section of migration file (its name without .sql)
// on d, statement by statement, as goose would on a downgrade.
func runDown(t *testing.T, d *db.DB, e db.Engine, file string) {
	t.Helper()
	b, err := os.ReadFile("migrations/" + string(e) + "/" + file + ".sql")
	if err != nil {
		t.Fatal(err)
	}
	down := string(b)[strings.Index(string(b), "-- +goose Down"):]
	for _, stmt := range strings.Split(down, ";\n") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if _, err := d.Exec(context.Background(), stmt); err != nil {
			t.Fatalf("down: %v\n%s", err, stmt)
		}
	}
}
