package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/tenant"
)

// sqlitePortal is a data directory holding a portal, for the backup command.
func sqlitePortal(t *testing.T) string {
	t.Helper()
	t.Setenv("PFORTE_DATABASE_URL", "")
	os.Unsetenv("PFORTE_DATABASE_URL")
	src := t.TempDir()
	ctx := context.Background()
	cfg, err := dataConfig("backup", src)
	if err != nil {
		t.Fatal(err)
	}
	d, err := openMigrated(ctx, cfg)
	if err == nil {
		_, err = tenant.CreateDefault(ctx, d, "Kopie GmbH", "de", nil, time.Now())
		d.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestBackupKeepsExistingFile: `pforte backup --out FILE` silently replaced an
// existing FILE, so an operator who reused a name lost the older backup. It now stops
// before writing anything, names the file and says what to do, and leaves the file as
// it was; --overwrite replaces it with the whole new archive, and no temporary file
// is left behind either way.
func TestBackupKeepsExistingFile(t *testing.T) {
	src := sqlitePortal(t)
	folder := t.TempDir()
	archive := filepath.Join(folder, "pforte.tar.gz")
	older := []byte("the older backup")
	if err := os.WriteFile(archive, older, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := Run([]string{"pforte", "backup", "--data", src, "--out", archive}, &out, &errOut)
	if code != 1 || out.Len() != 0 || errOut.String() != "Nothing was backed up: "+archive+
		" already exists, and a backup does not replace a file unasked. Name a new file with --out, or add --overwrite to replace it.\n" {
		t.Errorf("backup onto an existing file: exit %d, out %q, err %q", code, out.String(), errOut.String())
	}
	if b, _ := os.ReadFile(archive); !bytes.Equal(b, older) {
		t.Errorf("the existing file was changed: %q", b)
	}
	leftovers := func() {
		t.Helper()
		if left, _ := filepath.Glob(filepath.Join(folder, ".pforte-backup-*")); len(left) > 0 {
			t.Errorf("a temporary archive was left: %v", left)
		}
	}
	leftovers()

	errOut.Reset()
	if code := Run([]string{"pforte", "backup", "--data", src, "--out", archive, "--overwrite"}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "backup written to "+archive) {
		t.Fatalf("backup --overwrite: %d %s %s", code, out.String(), errOut.String())
	}
	if b, _ := os.ReadFile(archive); len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("--overwrite did not put a gzip archive in place: %q", b[:min(len(b), 20)])
	}
	leftovers()

	out.Reset()
	if code := Run([]string{"pforte", "backup", "-h"}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "-overwrite") || !strings.Contains(out.String(), "an existing file is refused") {
		t.Errorf("backup -h: %d %s", code, out.String())
	}
}

// TestPlaceArchiveKeepsFileThatAppeared: a file that appeared under the archive's name
// while it was written (a second backup started in the same second, under the same
// default name) is not replaced at the end either, without --overwrite.
func TestPlaceArchiveKeepsFileThatAppeared(t *testing.T) {
	folder := t.TempDir()
	tmp, dest := filepath.Join(folder, ".pforte-backup-1"), filepath.Join(folder, "pforte.tar.gz")
	for _, f := range []struct{ name, text string }{{tmp, "new"}, {dest, "other"}} {
		if err := os.WriteFile(f.name, []byte(f.text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var rf *refusal
	if err := placeArchive(tmp, dest, false); !errors.As(err, &rf) || !strings.Contains(rf.text, dest+" already exists") {
		t.Errorf("placing onto a file that appeared: %v", err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "other" {
		t.Errorf("the file that appeared was replaced: %q", b)
	}
	if err := placeArchive(tmp, dest, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "new" {
		t.Errorf("--overwrite did not replace it: %q", b)
	}
}
