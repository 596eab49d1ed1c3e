package backup_test

import (
	"bytes"
	"context"
	"testing"

	"pforte/internal/backup"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestFailedRestoreDropsOnlyItsSchema: on PostgreSQL a restore that failed after
// building the schema (the rows' transaction rolled back) left all of Pforte's tables
// behind, empty; the next serve started an empty portal there. It now drops the tables
// and functions it created and nothing else: a table of the operator's in the same
// schema stays with its rows, and the good archive restores afterwards.
func TestFailedRestoreDropsOnlyItsSchema(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, src *db.DB) {
		if src.Engine() != db.Postgres {
			t.Skip("SQLite: the command line removes the new database file (cli/restore_undo.go)")
		}
		ctx := context.Background()
		good := demoArchive(t, src)
		broken := appendEntry(t, good, "secrets/passwd", "not a data folder")
		dsn, dataDir := testutil.DSN(t, src.Engine())
		dst := open(t, dsn, dataDir)
		exec(t, dst, `CREATE TABLE operator_notes (note TEXT)`)
		exec(t, dst, `INSERT INTO operator_notes VALUES ('keep me')`)
		if _, err := backup.Restore(ctx, dst, dataDir, bytes.NewReader(broken)); err == nil || backup.Committed(err) {
			t.Fatalf("broken archive: %v", err)
		}
		var tables int
		if err := dst.QueryRow(ctx, `SELECT COUNT(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace
			AND relkind IN ('r', 'p') AND relname <> 'operator_notes'`).Scan(&tables); err != nil || tables != 0 {
			t.Errorf("after the failed restore: %d tables of the restore left, %v", tables, err)
		}
		var note string
		if err := dst.QueryRow(ctx, `SELECT note FROM operator_notes`).Scan(&note); err != nil || note != "keep me" {
			t.Errorf("the operator's table: %q, %v", note, err)
		}
		if _, err := backup.Restore(ctx, dst, dataDir, bytes.NewReader(good)); err != nil {
			t.Fatalf("restore after the failed one: %v", err)
		}
	})
}
