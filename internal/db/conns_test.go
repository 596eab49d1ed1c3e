package db_test

import (
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestSetConns: PFORTE_DB_CONNS reaches PostgreSQL's pool; SQLite keeps its single writer.
func TestSetConns(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		want := 1
		if d.Engine() == db.Postgres {
			if got := d.Writer().Stats().MaxOpenConnections; got != db.DefaultConns() {
				t.Fatalf("default pool = %d, want %d", got, db.DefaultConns())
			}
			want = 3
		}
		d.SetConns(3)
		if got := d.Writer().Stats().MaxOpenConnections; got != want {
			t.Fatalf("pool after SetConns(3) = %d, want %d", got, want)
		}
	})
}
