package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUploadTooManyKeepsFirst: a new ticket with 12 files (limit 10) is refused with a
// message naming the two left out, and keeps the first ten as kept files, listed on
// the form; sent again with them, the ticket carries those ten.
func TestUploadTooManyKeepsFirst(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		alice := k.as("alice@alpha.test", "alice-password")
		var files []apptest.File
		for i := 1; i <= 12; i++ {
			files = append(files, k.pdfFile(fmt.Sprintf("datei%02d.pdf", i)))
		}
		form := url.Values{"title": {"Viele Dateien"}, "body": {"Anbei alles."}, "priority": {"2"}}
		r := alice.PostMultipartValues("/tickets", form, files...)
		listed := keptListed(r.Body)
		if r.Status != 422 || len(listed) != 10 {
			t.Fatalf("12 files: %d, kept %d, want 422 with 10 kept", r.Status, len(listed))
		}
		if !strings.Contains(r.Body, "höchstens 10 Dateien") || !strings.Contains(r.Body, "datei11.pdf, datei12.pdf") ||
			strings.Contains(r.Body, "datei10.pdf, datei11.pdf") {
			t.Errorf("the message does not name the files left out:\n%s", between(r.Body, `id="e-files"`, "</p>"))
		}
		if n := k.rows(t, "contact_id = ? AND ticket_id IS NULL", k.alice); n != 10 {
			t.Errorf("%d files kept, want 10", n)
		}
		form["staged"] = listed
		if r := alice.PostMultipartValues("/tickets", form); r.Status != 303 {
			t.Fatalf("sent again with the kept files: %d", r.Status)
		}
		if n := k.rows(t, "contact_id = ? AND ticket_id IS NULL", k.alice); n != 0 {
			t.Errorf("%d kept files left after sending", n)
		}
	})
}
