package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/twofactor"
)

// TestBackupWithoutDatabase: `pforte backup` pointed at a data directory without a
// portal (a typo in --data, cron's working directory) fails and creates nothing there,
// instead of writing an empty archive that looks like a backup.
func TestBackupWithoutDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	archive := filepath.Join(t.TempDir(), "portal.tar.gz")
	var out, errOut bytes.Buffer
	if code := Run([]string{"pforte", "backup", "--data", dir, "--out", archive}, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "no portal database in "+dir) {
		t.Errorf("backup of a missing database: %d %q %q", code, out.String(), errOut.String())
	}
	if _, err := os.Stat(archive); err == nil {
		t.Errorf("an archive was written")
	}
	if _, err := os.Stat(filepath.Join(dir, db.SQLiteFile)); err == nil {
		t.Errorf("a database was created in the wrong directory")
	}
}

// TestRestoreNamesMissingKey: the archive holds no secret key, so a restore whose data
// directory lacks the old one says that two-factor sign-in needs it; with the old
// secret.key in place it says nothing.
func TestRestoreNamesMissingKey(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		dsn, src := testutil.DSN(t, e)
		t.Setenv("PFORTE_DATABASE_URL", dsn)
		var out, errOut bytes.Buffer
		if code := Run([]string{"pforte", "demo", "--data", src}, &out, &errOut); code != 0 {
			t.Fatalf("demo: %d %s", code, errOut.String())
		}
		key, err := twofactor.LoadKey("", src)
		if err != nil {
			t.Fatal(err)
		}
		d, err := db.Open(ctx, dsn, src)
		if err != nil {
			t.Fatal(err)
		}
		// The demo admin with two-factor sign-in on, sealed with the source's key.
		_, err = d.Exec(ctx, `INSERT INTO staff_totp (staff_id, tenant_id, secret, enabled_at, last_step, created_at)
			SELECT id, tenant_id, ?, 1, 0, 1 FROM staff WHERE email = 'admin@demo-service.de'`,
			twofactor.NewKeyring(key).Seal("JBSWY3DPEHPK3PXP"))
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		archive := filepath.Join(t.TempDir(), "portal.tar.gz")
		if code := Run([]string{"pforte", "backup", "--data", src, "--out", archive}, &out, &errOut); code != 0 {
			t.Fatalf("backup: %d %s", code, errOut.String())
		}

		for _, withKey := range []bool{false, true} {
			dsn, dst := testutil.DSN(t, e)
			t.Setenv("PFORTE_DATABASE_URL", dsn)
			if withKey {
				if err := os.WriteFile(filepath.Join(dst, twofactor.KeyFile), key, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			out.Reset()
			if code := Run([]string{"pforte", "restore", "--data", dst, archive}, &out, &errOut); code != 0 {
				t.Fatalf("restore: %d %s", code, errOut.String())
			}
			warned := strings.Contains(out.String(), "1 account uses two-factor sign-in") &&
				strings.Contains(out.String(), filepath.Join(dst, twofactor.KeyFile))
			if warned == withKey {
				t.Errorf("restore with the old key %v: warning %v:\n%s", withKey, warned, out.String())
			}
		}
	})
}
