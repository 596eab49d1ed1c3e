package db_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pforte/internal/db"
)

// TestOpenSQLiteOddPath: a data directory whose name holds URI syntax ("?", "#", "%")
// opens the file at exactly that path.
func TestOpenSQLiteOddPath(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Kunden #2 ?x=1 50%")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "pforte.db")
	d, err := db.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Exec(ctx, `CREATE TABLE t (x INTEGER)`); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the path asked for: %v", err)
	}
	var mode string
	if err := d.QueryRow(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q (%v): the options were not applied", mode, err)
	}
}

// TestOpenUnsupportedURLHidesPassword: a database URL of another scheme is refused
// naming its scheme, never the password it carries (the message reaches the log).
func TestOpenUnsupportedURLHidesPassword(t *testing.T) {
	for _, dsn := range []string{"postgresql+psycopg://portal:geheim-77@db/pforte", "portal:geheim-77@db/pforte"} {
		_, err := db.Open(context.Background(), dsn, t.TempDir())
		if err == nil || strings.Contains(err.Error(), "geheim-77") {
			t.Errorf("open %q: %v", dsn, err)
		}
	}
}
