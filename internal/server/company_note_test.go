package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyNote: staff keep an internal note on a company; it shows on the company's
// page with who changed it and beside each of its tickets, never in the portal (the
// company page, the ticket, the data export). Too long a note comes back as typed with
// the message; an empty one removes it; another tenant's company is a 404.
func TestCompanyNote(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice := d.as("alice@alpha.test", "alice-password")
		id := d.open(t, alice, "Drucker klemmt")
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		path := "/admin/companies/" + itoa64(d.a.ID)
		note := "VIP-Kunde: vor Besuchen anrufen.\nRechnungen an die Zentrale."

		r := staff.Post(path+"/note", url.Values{"note": {"  " + note + "\r\n"}})
		if r.Status != 303 || !strings.HasPrefix(r.Location, path) {
			t.Fatalf("save note: %d %q", r.Status, r.Location)
		}
		page := staff.Get(path).Body
		if !strings.Contains(page, "Notiz gespeichert.") || !strings.Contains(page, ">"+note+"</textarea>") ||
			!strings.Contains(page, "Zuletzt geändert von") {
			t.Fatalf("company page after saving:\n%s", page)
		}
		tp := staff.Get("/admin/tickets/" + itoa64(id)).Body
		if !strings.Contains(tp, "Notiz zu Alpha GmbH") || !strings.Contains(tp, note) {
			t.Errorf("the ticket page does not show the note")
		}
		// Never in the portal.
		for _, p := range []string{"/companies/" + itoa64(d.a.ID), "/tickets/" + itoa64(id), "/account/export", "/"} {
			b := alice.Get(p).Body
			if p == "/account/export" {
				b = alice.Post(p, nil).Body
			}
			if strings.Contains(b, "VIP-Kunde") {
				t.Errorf("portal %s shows the internal note", p)
			}
		}

		// Too long: refused beside the field, typed text kept, stored note unchanged.
		long := strings.Repeat("x", 2001)
		r = staff.Post(path+"/note", url.Values{"note": {long}})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte höchstens 2.000 Zeichen eingeben.") ||
			!strings.Contains(r.Body, ">"+long+"</textarea>") {
			t.Fatalf("too long a note: %d", r.Status)
		}
		if !strings.Contains(staff.Get("/admin/tickets/"+itoa64(id)).Body, "VIP-Kunde") {
			t.Errorf("a refused note changed the stored one")
		}
		// Another tenant's company (or none): 404.
		other := d.env.Tenant("Other", "other.test")
		oc := d.env.Company(other, "Fremd GmbH")
		for _, p := range []string{"/admin/companies/" + itoa64(oc.ID) + "/note", "/admin/companies/999999/note"} {
			if r := staff.Post(p, url.Values{"note": {"fremd"}}); r.Status != 404 {
				t.Errorf("POST %s: %d", p, r.Status)
			}
		}
		// Empty removes it; the ticket page shows no card.
		if r := staff.Post(path+"/note", url.Values{"note": {"  "}}); r.Status != 303 {
			t.Fatalf("remove note: %d", r.Status)
		}
		if b := staff.Get(path).Body; !strings.Contains(b, "Notiz entfernt.") {
			t.Errorf("removing the note does not say so")
		}
		if tp := staff.Get("/admin/tickets/" + itoa64(id)).Body; strings.Contains(tp, "Notiz zu Alpha GmbH") {
			t.Errorf("an empty note still shows beside the ticket")
		}
	})
}
