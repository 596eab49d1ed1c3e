package server_test

import (
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestContactOpenedTickets: a contact's page lists the tickets they opened, newest
// activity first, never a colleague's; beyond ten it says where the older ones are.
func TestContactOpenedTickets(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe, alice := d.as("uwe@alpha.test", "uwe-password-1"), d.as("alice@alpha.test", "alice-password")
		d.open(t, uwe, "Drucker klemmt")
		d.open(t, uwe, "VPN bricht ab")
		d.open(t, alice, "Rechnung unklar")
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		section := func() string {
			t.Helper()
			b := staff.Get("/admin/contacts/" + itoa64(d.uwe)).Body
			i := strings.Index(b, "Von diesem Kontakt eröffnet")
			if i < 0 {
				t.Fatalf("the contact page lists no opened tickets")
			}
			return b[i : i+strings.Index(b[i:], "</section>")]
		}
		s := section()
		if !strings.Contains(s, "Drucker klemmt") || !strings.Contains(s, "VPN bricht ab") || strings.Contains(s, "Rechnung unklar") ||
			strings.Index(s, "VPN bricht ab") > strings.Index(s, "Drucker klemmt") || strings.Contains(s, "ältere finden Sie") {
			t.Errorf("uwe's opened tickets:\n%s", s)
		}
		if b := staff.Get("/admin/contacts/" + itoa64(d.ula)).Body; !strings.Contains(b, "Dieser Kontakt hat noch kein Ticket eröffnet.") {
			t.Errorf("a contact without tickets is not told so")
		}
		for i := range 9 {
			d.open(t, uwe, "Weiteres "+itoa64(int64(i)))
		}
		if s := section(); strings.Count(s, "<li>") != 10 || !strings.Contains(s, "Die 10 mit der neuesten Aktivität") || strings.Contains(s, "Drucker klemmt") {
			t.Errorf("beyond ten:\n%s", s)
		}
	})
}
