package cli

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestRestoreRefusalsRead: a restore the operator has to put right — into a database
// already in use, from a file that is no backup or is missing, without a file — prints
// one line that says what is wrong and what to do, not a chain of Go error prefixes
// ("pforte: backup: …"). The database in use is named.
func TestRestoreRefusalsRead(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		dsn, dir := testutil.DSN(t, e)
		t.Setenv("PFORTE_DATABASE_URL", dsn)
		cfg, err := dataConfig("restore", dir)
		if err != nil {
			t.Fatal(err)
		}
		d, err := openMigrated(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		latest, err := d.LatestMigration()
		if err == nil {
			_, err = tenant.CreateDefault(ctx, d, "In use GmbH", "de", nil, time.Now())
		}
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		archive := manifestOnly(t, `{"format":1,"migration":`+strconv.FormatInt(latest, 10)+`}`)
		notBackup := filepath.Join(t.TempDir(), "notes.txt")
		if err := os.WriteFile(notBackup, []byte("hello"), 0o600); err != nil {
			t.Fatal(err)
		}
		where := filepath.Join(dir, db.SQLiteFile)
		if e == db.Postgres {
			where = "PFORTE_DATABASE_URL"
		}
		for _, c := range []struct {
			name string
			args []string
			want []string
		}{
			{"database in use", []string{archive}, []string{"already holds a portal", where, "empty data directory", "--data"}},
			{"not a backup", []string{notBackup}, []string{"not a Pforte backup", "pforte backup"}},
			{"missing file", []string{filepath.Join(dir, "nope.tar.gz")}, []string{"nope.tar.gz cannot be opened"}},
			{"no file", nil, []string{"Name the archive"}},
		} {
			var out, errOut bytes.Buffer
			code := Run(append([]string{"pforte", "restore", "--data", dir}, c.args...), &out, &errOut)
			line := errOut.String()
			if code != 1 || strings.Count(line, "\n") != 1 {
				t.Errorf("%s: exit %d, printed %q: want one line and exit 1", c.name, code, line)
			}
			if strings.HasPrefix(line, "pforte:") || strings.HasPrefix(line, "backup:") || strings.HasPrefix(line, "restore:") ||
				strings.Contains(line, ": backup:") {
				t.Errorf("%s: %q starts like a Go error chain", c.name, line)
			}
			for _, w := range c.want {
				if !strings.Contains(line, w) {
					t.Errorf("%s: %q does not say %q", c.name, line, w)
				}
			}
		}
	})
}

// TestBackupRefusalReads: a backup of a data directory without a portal says so in a
// sentence, without the package prefix.
func TestBackupRefusalReads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	var out, errOut bytes.Buffer
	if code := Run([]string{"pforte", "backup", "--data", dir}, &out, &errOut); code != 1 ||
		!strings.HasPrefix(errOut.String(), "Nothing was backed up: there is no portal database in "+dir) {
		t.Errorf("backup of a missing database: %d %q", code, errOut.String())
	}
}

// manifestOnly writes an archive that holds only a manifest, enough to be read as a
// backup up to the check of the target database.
func manifestOnly(t *testing.T, manifest string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.WriteHeader(&tar.Header{Name: "manifest.json", Mode: 0o600, Size: int64(len(manifest))}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte(manifest))
	tw.Close()
	zw.Close()
	name := filepath.Join(t.TempDir(), "portal.tar.gz")
	if err := os.WriteFile(name, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}
