package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestKeptFilesBesideRefusedOne: a file over the limit chosen together with a valid
// one refuses the form and is named in the field error, while the valid one is kept and
// listed, so sending again attaches it: on the portal's new ticket, the portal's reply
// and the staff reply. Two refused files are both named; the refused ones are never
// stored.
func TestKeptFilesBesideRefusedOne(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		if err := tenant.SetTicketRules(context.Background(), k.env.DB, k.t.ID, tenant.TicketRules{Reopen: true, UploadLimitMB: 1}); err != nil {
			t.Fatal(err)
		}
		big := apptest.File{Field: "files", Name: "big.bin", Data: make([]byte, 1<<20+1)}
		alice := k.as("alice@alpha.test", "alice-password")
		admin := k.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		// refused posts the form with a.pdf and big.bin and checks a.pdf alone is kept.
		refused := func(what string, c *apptest.Client, path string, form url.Values, keep string) []string {
			t.Helper()
			r := c.PostMultipartValues(path, form, k.pdfFile("a.pdf"), big)
			ids := keptListed(r.Body)
			if r.Status != 422 || !strings.Contains(r.Body, "big.bin ist größer als 1") || !strings.Contains(r.Body, "Angehängt: a.pdf") ||
				strings.Contains(r.Body, "Angehängt: big.bin") || len(ids) != 1 || !strings.Contains(r.Body, keep) {
				t.Fatalf("%s: %d, listed %v: %.2000s", what, r.Status, ids, r.Body)
			}
			if k.rows(t, "id = ?", ids[0]) != 1 || k.rows(t, "filename = 'big.bin'") != 0 {
				t.Fatalf("%s: a.pdf not staged, or big.bin staged", what)
			}
			return ids
		}

		// The portal's new ticket: title kept, a.pdf kept; sent again, the ticket has it.
		form := url.Values{"title": {"Drucker"}, "body": {"Leere Seiten."}, "priority": {"2"}}
		ids := refused("new ticket", alice, "/tickets", form, `value="Drucker"`)
		form["staged"] = ids
		id := k.created(t, alice.PostMultipartValues("/tickets", form))
		if names, _ := k.attached(t, id, ""); strings.Join(names, ",") != "a.pdf" {
			t.Fatalf("the new ticket carries %v", names)
		}

		// Two refused beside a valid one: both are named, the valid one kept.
		r := alice.PostMultipartValues("/tickets", url.Values{"title": {"Scanner"}, "body": {"x"}, "priority": {"2"}},
			big, k.pdfFile("b.pdf"), apptest.File{Field: "files", Name: "leer.txt"})
		if r.Status != 422 || !strings.Contains(r.Body, "Nicht angehängt, weil leer oder größer als 1 MB: big.bin, leer.txt.") ||
			!strings.Contains(r.Body, "Angehängt: b.pdf") || len(keptListed(r.Body)) != 1 {
			t.Fatalf("two refused: %d, listed %v", r.Status, keptListed(r.Body))
		}

		// The portal's reply and the staff reply.
		portal, back := "/tickets/"+itoa64(id)+"/reply", "/admin/tickets/"+itoa64(id)+"/reply"
		ids = refused("portal reply", alice, portal, url.Values{"body": {"Nachtrag"}}, "Nachtrag</textarea>")
		if r := alice.PostMultipartValues(portal, url.Values{"body": {"Nachtrag"}, "staged": ids}); r.Status != 303 {
			t.Fatalf("portal reply again: %d", r.Status)
		}
		ids = refused("staff reply", admin, back, url.Values{"kind": {"reply"}, "body": {"Antwort"}}, "Antwort</textarea>")
		if r := admin.PostMultipartValues(back, url.Values{"kind": {"reply"}, "body": {"Antwort"}, "staged": ids}); r.Status != 303 {
			t.Fatalf("staff reply again: %d", r.Status)
		}
		if names, _ := k.attached(t, id, ""); strings.Join(names, ",") != "a.pdf,a.pdf,a.pdf" {
			t.Fatalf("the ticket carries %v", names)
		}
	})
}
