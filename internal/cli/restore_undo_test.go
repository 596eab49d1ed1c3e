package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestFailedRestoreLeavesNothing: a restore that failed part-way (a cut-off archive,
// a file that is no backup) left a pforte.db with an empty schema in the new data
// directory, and on PostgreSQL the empty tables; a later serve there started an empty
// portal. The failed restore now removes what it added — the database file, the
// directory it created, the tables and functions it created — and keeps everything
// that was there before; the whole archive then restores into the same place.
func TestFailedRestoreLeavesNothing(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		whole, cut := cutArchive(t, e)
		garbage := filepath.Join(t.TempDir(), "notes.tar.gz")
		if err := os.WriteFile(garbage, []byte("not a backup"), 0o600); err != nil {
			t.Fatal(err)
		}
		restore := func(dir, archive string) (int, string) {
			var out, errOut bytes.Buffer
			code := Run([]string{"pforte", "restore", "--data", dir, archive}, &out, &errOut)
			return code, errOut.String()
		}

		// A new data directory (and, on PostgreSQL, an empty schema).
		for _, archive := range []string{cut, garbage} {
			dsn, parent := testutil.DSN(t, e)
			t.Setenv("PFORTE_DATABASE_URL", dsn)
			dir := filepath.Join(parent, "data")
			if code, msg := restore(dir, archive); code != 1 || !strings.HasPrefix(msg, "Nothing was restored.") {
				t.Errorf("%s: exit %d, %q", filepath.Base(archive), code, msg)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				left, _ := os.ReadDir(dir)
				t.Errorf("%s: the failed restore left the new data directory with %v (%v)", filepath.Base(archive), left, err)
			}
			if e == db.Postgres {
				if n := schemaObjects(t, dsn); n != 0 {
					t.Errorf("%s: the failed restore left %d tables and functions", filepath.Base(archive), n)
				}
			}
			if code, msg := restore(dir, whole); code != 0 {
				t.Errorf("%s: restore of the whole archive afterwards: %d %s", filepath.Base(archive), code, msg)
			}
		}

		// A data directory holding things of its own, and a migrated empty database
		// (a serve that never got a tenant): both are kept as they were.
		dsn, dir := testutil.DSN(t, e)
		t.Setenv("PFORTE_DATABASE_URL", dsn)
		if err := os.WriteFile(filepath.Join(dir, "README.txt"), []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "old", "files"), 0o750); err != nil {
			t.Fatal(err)
		}
		cfg, err := dataConfig("restore", dir)
		if err != nil {
			t.Fatal(err)
		}
		d, err := openMigrated(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		d.Close()
		objects := 0
		if e == db.Postgres {
			objects = schemaObjects(t, dsn)
		}
		if code, msg := restore(dir, cut); code != 1 {
			t.Errorf("cut archive into a used directory: exit %d, %q", code, msg)
		}
		for _, name := range []string{"README.txt", "old/files", db.SQLiteFile} {
			if e == db.Postgres && name == db.SQLiteFile {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Errorf("the failed restore removed %s, which was there before: %v", name, err)
			}
		}
		if e == db.Postgres {
			if n := schemaObjects(t, dsn); n != objects {
				t.Errorf("the failed restore changed the schema that was there before: %d objects, before %d", n, objects)
			}
		}
		if code, msg := restore(dir, whole); code != 0 {
			t.Errorf("restore of the whole archive into the used directory: %d %s", code, msg)
		}
	})
}

// cutArchive writes a portal's backup and a copy of it cut off after two thirds.
func cutArchive(t *testing.T, e db.Engine) (whole, cut string) {
	t.Helper()
	ctx := context.Background()
	dsn, src := testutil.DSN(t, e)
	t.Setenv("PFORTE_DATABASE_URL", dsn)
	cfg, err := dataConfig("backup", src)
	if err != nil {
		t.Fatal(err)
	}
	d, err := openMigrated(ctx, cfg)
	if err == nil {
		_, err = tenant.CreateDefault(ctx, d, "Cut GmbH", "de", nil, time.Now())
		d.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	whole = filepath.Join(t.TempDir(), "portal.tar.gz")
	var out, errOut bytes.Buffer
	if code := Run([]string{"pforte", "backup", "--data", src, "--out", whole}, &out, &errOut); code != 0 {
		t.Fatalf("backup: %d %s", code, errOut.String())
	}
	b, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	cut = filepath.Join(t.TempDir(), "cut.tar.gz")
	if err := os.WriteFile(cut, b[:len(b)*2/3], 0o600); err != nil {
		t.Fatal(err)
	}
	return whole, cut
}

// schemaObjects counts the tables and functions in the schema the PostgreSQL URL
// works in.
func schemaObjects(t *testing.T, dsn string) int {
	t.Helper()
	d, err := db.Open(context.Background(), dsn, "")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	if err := d.QueryRow(context.Background(), `SELECT
		(SELECT COUNT(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')) +
		(SELECT COUNT(*) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
