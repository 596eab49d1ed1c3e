package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestRestoreOfCutArchiveReads: an archive cut off while it was copied (here: its last
// bytes missing) printed "pforte: backup: row 3: unexpected EOF (in tables/…)". It now
// says in one sentence that the archive is incomplete and nothing was restored, and
// the restore of the whole archive into the same directory then succeeds.
func TestRestoreOfCutArchiveReads(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		archive, cut := cutArchive(t, e) // restore_undo_test.go
		dsn2, dst := testutil.DSN(t, e)
		t.Setenv("PFORTE_DATABASE_URL", dsn2)
		var out, errOut bytes.Buffer
		code := Run([]string{"pforte", "restore", "--data", dst, cut}, &out, &errOut)
		line := errOut.String()
		if code != 1 || strings.Count(line, "\n") != 1 || strings.HasPrefix(line, "pforte:") ||
			!strings.HasPrefix(line, "Nothing was restored.") || !strings.Contains(line, "incomplete or damaged") {
			t.Errorf("restore of a cut archive: exit %d, printed %q", code, line)
		}
		errOut.Reset()
		if code := Run([]string{"pforte", "restore", "--data", dst, archive}, &out, &errOut); code != 0 {
			t.Errorf("restore of the whole archive after the cut one: %d %s", code, errOut.String())
		}
	})
}

// TestBackupAndRestoreNameAFolder: --out naming a folder wrote the whole archive and
// then failed with "rename …: file exists"; restoring a folder said it was "not a
// gzip-compressed archive". Both now say that a folder was named, before any work.
func TestBackupAndRestoreNameAFolder(t *testing.T) {
	src, folder := t.TempDir(), t.TempDir()
	_, _, stop := startServe(t, "--demo", "--data", src)
	stop()
	var out, errOut bytes.Buffer
	if code := Run([]string{"pforte", "backup", "--data", src, "--out", folder}, &out, &errOut); code != 1 ||
		!strings.HasPrefix(errOut.String(), "Nothing was backed up: "+folder+" is a folder.") ||
		!strings.Contains(errOut.String(), "--out "+filepath.Join(folder, "pforte-backup-")) {
		t.Errorf("backup --out a folder: %d %q", code, errOut.String())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(folder), ".pforte-backup-*")); len(left) > 0 {
		t.Errorf("a temporary archive was left: %v", left)
	}
	errOut.Reset()
	if code := Run([]string{"pforte", "restore", "--data", t.TempDir(), folder}, &out, &errOut); code != 1 ||
		errOut.String() != "Nothing was restored: "+folder+" is a folder. Name the archive file written by pforte backup.\n" {
		t.Errorf("restore of a folder: %d %q", code, errOut.String())
	}
}
