package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupCommands: `pforte backup` copies a portal while it serves, `pforte
// restore` brings the copy up in a new data directory, and a demo contact signs in
// there with their password, and the uploaded files came along. A restore
// into the same directory again is refused.
func TestBackupCommands(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	archive := filepath.Join(t.TempDir(), "portal.tar.gz")
	_, _, stop := startServe(t, "--demo", "--data", src)
	var out, errOut bytes.Buffer
	if code := Run([]string{"pforte", "backup", "--data", src, "--out", archive}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "backup written to "+archive) {
		t.Fatalf("backup: %d %s %s", code, out.String(), errOut.String())
	}
	stop()
	out.Reset()
	if code := Run([]string{"pforte", "restore", "--data", dst, archive}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "restored") {
		t.Fatalf("restore: %d %s %s", code, out.String(), errOut.String())
	}
	entries, _ := os.ReadDir(filepath.Join(dst, "files"))
	if len(entries) == 0 {
		t.Errorf("no files restored")
	}
	base, _, _ := startServe(t, "--data", dst)
	if loc := login(t, base+"/login", "anna@mueller-haustechnik.de", "demo-kunde-2026"); strings.Contains(loc, "login") {
		t.Errorf("demo contact cannot sign in after the restore: sent to %s", loc)
	}
	errOut.Reset()
	if code := Run([]string{"pforte", "restore", "--data", dst, archive}, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "already holds a portal") {
		t.Errorf("restore into a used database: %d %s", code, errOut.String())
	}
	if code := Run([]string{"pforte", "restore", "--data", dst}, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "Name the archive") {
		t.Errorf("restore without a file: %d %s", code, errOut.String())
	}
}
