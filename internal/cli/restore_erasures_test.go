package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
)

// TestRestoreRemindsOfErasures: a restore brings back, in full, everyone erased after
// the backup was taken, and said nothing about it. It now says so after the summary,
// with the backup's time and where the erased contacts are listed, by number; the
// number the old audit log names is the restored contact's.
func TestRestoreRemindsOfErasures(t *testing.T) {
	src := sqlitePortal(t) // backup_overwrite_test.go
	ctx := context.Background()
	cfg, err := dataConfig("backup", src)
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	ten, err := tenant.Default(ctx, d)
	var ct contact.Contact
	if err == nil {
		ct, err = contact.Create(ctx, d, contact.Contact{TenantID: ten.ID, FirstName: "Erika", LastName: "Muster",
			Email: "erika@kunde.test"}, i18n.Languages, time.Now())
	}
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(t.TempDir(), "portal.tar.gz")
	var out, errOut bytes.Buffer
	start := time.Now().Add(-time.Second)
	if code := Run([]string{"pforte", "backup", "--data", src, "--out", archive}, &out, &errOut); code != 0 {
		t.Fatalf("backup: %d %s", code, errOut.String())
	}
	dst := t.TempDir()
	out.Reset()
	if code := Run([]string{"pforte", "restore", "--data", dst, archive}, &out, &errOut); code != 0 {
		t.Fatalf("restore: %d %s", code, errOut.String())
	}
	text := out.String()
	_, created, _ := strings.Cut(text, "from a backup of ")
	taken, err := time.Parse(time.RFC3339, strings.TrimSpace(strings.Split(created, " ")[0]))
	if err != nil || taken.Before(start.Truncate(time.Second)) || taken.After(time.Now()) {
		t.Fatalf("the backup's time in %q: %v %v", text, taken, err)
	}
	if !strings.Contains(text, "Erasures after the backup was taken ("+taken.Format("2006-01-02 15:04")+" UTC)") ||
		!strings.Contains(text, "are back with their name, address and messages") ||
		!strings.Contains(text, `"Contact erased by staff"`) || !strings.Contains(text, "/admin/contacts/NUMBER") ||
		strings.Index(text, "Erasures") < strings.Index(text, "restored ") {
		t.Errorf("restore says nothing of erasures after the backup:\n%s", text)
	}
	cfg, err = dataConfig("restore", dst)
	if err != nil {
		t.Fatal(err)
	}
	if d, err = db.Open(ctx, cfg.DatabaseURL, cfg.DataDir); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var email string
	if err := d.QueryRow(ctx, `SELECT email FROM contacts WHERE id = ?`, ct.ID).Scan(&email); err != nil || email != ct.Email {
		t.Errorf("contact #%d after the restore: %q %v, want %q", ct.ID, email, err, ct.Email)
	}
}
