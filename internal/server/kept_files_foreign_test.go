package server_test

import (
	"io/fs"
	"net/url"
	"path/filepath"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestKeptFilesForeignTicket: a refused reply keeps its files for its ticket
// (web/kept_files.go), so a reply to a ticket that is not the sender's keeps none. A
// staff member's reply, note or text-module insert with an empty text and a file, sent
// to a ticket id that does not exist or is another tenant's, is the 404 page, and
// neither a staged row nor a stored file is left; so is a contact's reply to another
// company's, another tenant's or a missing ticket.
func TestKeptFilesForeignTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		other := k.env.Tenant("Other", "other.test")
		oco := k.env.Company(other, "Fremd GmbH")
		oct := k.env.Contact(other, "fremd@fremd.test", "fremd-password", "main", oco)
		foreign := openTicket(t, k.env, other.ID, oco.ID, oct.ID, "Fremdes Ticket")
		bob := k.as("bob@beta.test", "bob-password-1")
		betas := k.open(t, bob, "Betas Ticket")
		missing := foreign + betas + 1000
		admin := k.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		alice := k.as("alice@alpha.test", "alice-password")
		before := k.storedFiles(t)

		for _, id := range []int64{missing, foreign} {
			for _, c := range []struct {
				path string
				form url.Values
			}{
				{"/reply", url.Values{"kind": {"reply"}, "body": {""}}},
				{"/reply", url.Values{"kind": {"note"}, "body": {""}}},
				{"/text-modules", url.Values{"kind": {"reply"}, "body": {""}, "module": {"1"}}},
			} {
				path := "/admin/tickets/" + itoa64(id) + c.path
				if r := admin.PostMultipartValues(path, c.form, k.pdfFile("bericht.pdf")); r.Status != 404 {
					t.Errorf("staff %s %s: %d", path, c.form.Get("kind"), r.Status)
				}
			}
		}
		for _, id := range []int64{missing, foreign, betas} {
			path := "/tickets/" + itoa64(id) + "/reply"
			if r := alice.PostMultipartValues(path, url.Values{"body": {""}}, k.pdfFile("bericht.pdf")); r.Status != 404 {
				t.Errorf("contact %s: %d", path, r.Status)
			}
			if r := alice.PostMultipartValues(path, url.Values{"body": {"Text"}}, k.pdfFile("bericht.pdf")); r.Status != 404 {
				t.Errorf("contact %s with text: %d", path, r.Status)
			}
		}
		if n := k.rows(t, "1 = 1"); n != 0 {
			t.Errorf("%d staged rows left", n)
		}
		if after := k.storedFiles(t); after != before {
			t.Errorf("%d files in the store, %d before", after, before)
		}
	})
}

// storedFiles counts the files in the file store.
func (k *keptDesk) storedFiles(t *testing.T) (n int) {
	t.Helper()
	err := filepath.WalkDir(k.env.App.Env.Files.Dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
