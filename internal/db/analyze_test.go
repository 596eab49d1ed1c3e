package db_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAnalyzeSmall: a few-row table autovacuum would never analyze gets statistics
// (row count and column statistics the planner reads) on PostgreSQL; SQLite is left
// alone.
func TestAnalyzeSmall(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := testutil.Open(t, e)
		if _, err := d.Exec(ctx, `CREATE TABLE analyze_probe (id BIGINT PRIMARY KEY, kind TEXT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		for i, kind := range []string{"open", "open", "waiting", "resolved", "closed", "closed", "closed"} {
			if _, err := d.Exec(ctx, `INSERT INTO analyze_probe (id, kind) VALUES (?, ?)`, i+1, kind); err != nil {
				t.Fatal(err)
			}
		}
		n, err := db.AnalyzeSmall(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if e != db.Postgres {
			if n != 0 {
				t.Fatalf("SQLite: analyzed %d tables, want none", n)
			}
			return
		}
		if n == 0 {
			t.Fatal("nothing analyzed")
		}
		var tuples float64
		var columns int
		if err := d.QueryRow(ctx, `SELECT c.reltuples, (SELECT COUNT(*) FROM pg_stats p WHERE p.schemaname = current_schema()
			AND p.tablename = c.relname) FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
			WHERE ns.nspname = current_schema() AND c.relname = 'analyze_probe'`).Scan(&tuples, &columns); err != nil {
			t.Fatal(err)
		}
		if tuples != 7 || columns != 2 {
			t.Fatalf("after AnalyzeSmall: %v rows, statistics for %d columns; want 7 rows, 2 columns", tuples, columns)
		}
	})
}
