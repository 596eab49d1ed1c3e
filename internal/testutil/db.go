// Package testutil gives tests a fresh, migrated database: SQLite in a temp dir, or a
// fresh PostgreSQL database (or, for an empty one, schema) when PFORTE_TEST_POSTGRES
// holds a DSN.
package testutil

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"pforte/internal/db"
)

// Engines lists the engines the test suite runs on in this environment.
func Engines(t testing.TB) []db.Engine {
	if os.Getenv("PFORTE_TEST_POSTGRES") != "" {
		return []db.Engine{db.SQLite, db.Postgres}
	}
	return []db.Engine{db.SQLite}
}

// RequireAll reports whether skipping is forbidden (CI sets PFORTE_REQUIRE_ALL=1).
func RequireAll() bool { return os.Getenv("PFORTE_REQUIRE_ALL") == "1" }

// Skip skips the test, or fails it when skipping is forbidden.
func Skip(t testing.TB, why string) {
	t.Helper()
	if RequireAll() {
		t.Fatalf("PFORTE_REQUIRE_ALL=1 forbids skipping: %s", why)
	}
	t.Skip(why)
}

// EachEngine runs fn once per available engine as a subtest with a fresh database.
func EachEngine(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	for _, e := range Engines(t) {
		t.Run(string(e), func(t *testing.T) { fn(t, Open(t, e)) })
	}
}

// Open returns a fresh migrated database on engine e, closed when the test ends.
func Open(t testing.TB, e db.Engine) *db.DB {
	t.Helper()
	dsn, dir := MigratedDSN(t, e)
	d, err := db.Open(context.Background(), dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

// Instances opens n connection pools on one fresh, migrated database, as n pforte
// processes sharing it would have; each is closed when the test ends.
func Instances(t testing.TB, e db.Engine, n int) []*db.DB {
	t.Helper()
	dsn, dir := MigratedDSN(t, e)
	out := make([]*db.DB, n)
	for i := range out {
		d, err := db.Open(context.Background(), dsn, dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		if err := d.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		out[i] = d
	}
	return out
}

// DSN returns a database URL for a fresh database on engine e: "" (SQLite in a data
// directory) or a PostgreSQL URL whose search_path points at a new, empty schema that is
// dropped when the test ends. The second result is the data directory to use.
func DSN(t testing.TB, e db.Engine) (string, string) {
	t.Helper()
	dir := t.TempDir()
	if e == db.SQLite {
		return "", dir
	}
	base := os.Getenv("PFORTE_TEST_POSTGRES")
	if base == "" {
		Skip(t, "PFORTE_TEST_POSTGRES is not set")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			a.Exec("DROP SCHEMA " + schema + " CASCADE")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), filepath.Join(dir)
}

// ForEngines runs fn once per available engine as a subtest; fn opens what it needs.
func ForEngines(t *testing.T, fn func(t *testing.T, e db.Engine)) {
	for _, e := range Engines(t) {
		t.Run(string(e), func(t *testing.T) { fn(t, e) })
	}
}
