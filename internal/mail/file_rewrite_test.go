package mail_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	gmail "github.com/emersion/go-message/mail"

	"pforte/internal/mail"
)

// TestRewriteFile: a kept .eml written anew carries the new subject and parts but the
// From (with its encoded name), Message-ID and Date it went out with; a file that is
// gone stays gone.
func TestRewriteFile(t *testing.T) {
	dir := t.TempDir()
	m := sample("rewrite-1@pforte.local")
	m.Date = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	path, err := mail.NewFileSender(dir).Send(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	next := mail.Message{To: m.To, Subject: "Grüße von Gelöschter Kontakt #3", Text: "Hallo,\nGelöschter Kontakt #3 schrieb.",
		HTML: "<p>Gelöschter Kontakt #3 schrieb.</p>"}
	if err := mail.RewriteFile(path, next); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	next.From, next.MessageID = m.From, m.MessageID
	checkParsed(t, raw, next)
	mr, err := gmail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if from, err := mr.Header.AddressList("From"); err != nil || len(from) != 1 || from[0].Name != "Pforte Prüfstelle" ||
		from[0].Address != "portal@pforte.test" {
		t.Errorf("From = %v %v", from, err)
	}
	if d, err := mr.Header.Date(); err != nil || !d.Equal(m.Date) {
		t.Errorf("Date = %v %v, want %v", d, err, m.Date)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files after the rewrite, want 1", len(entries))
	}
	gone := filepath.Join(dir, "gone.eml")
	if err := mail.RewriteFile(gone, next); err != nil {
		t.Errorf("a file gone: %v", err)
	}
	if _, err := os.Stat(gone); err == nil {
		t.Errorf("a file gone was written")
	}
}
