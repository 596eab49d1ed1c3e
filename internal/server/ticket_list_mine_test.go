package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketListMine: a main contact's list shows the whole company's tickets, or —
// "Opened or followed by me" — only those they opened or follow, as a user's list
// would; both stay right when kept and asked for again. A user gets no such choice
// and their list is theirs whatever the address says.
func TestTicketListMine(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")
		d.open(t, alice, "Eigenes Ticket von Alice")
		d.open(t, uwe, "Uwes Drucker")
		followed := d.open(t, uwe, "Uwes VPN")
		if r := uwe.Post("/tickets/"+itoa64(followed)+"/followers", url.Values{"contact_id": {itoa64(d.alice)}}); r.Status != 303 {
			t.Fatalf("add alice as follower: %d", r.Status)
		}
		check := func(body, label string, want, not []string) {
			t.Helper()
			for _, w := range want {
				if !strings.Contains(body, w) {
					t.Errorf("%s lacks %q", label, w)
				}
			}
			for _, n := range not {
				if strings.Contains(body, n) {
					t.Errorf("%s shows %q", label, n)
				}
			}
		}
		all := []string{"Eigenes Ticket von Alice", "Uwes Drucker", "Uwes VPN"}
		for range 2 { // the second time from the kept lists
			b := alice.Get("/tickets").Body
			check(b, "alice's company list", append(all, `<select id="f-who" name="who">`), nil)
			b = alice.Get("/tickets?who=mine").Body
			check(b, "alice's own list", []string{"Eigenes Ticket von Alice", "Uwes VPN", `<option value="mine" selected>`}, []string{"Uwes Drucker"})
		}
		b := uwe.Get("/tickets?who=mine").Body
		check(b, "uwe's list", []string{"Uwes Drucker", "Uwes VPN"}, []string{"Eigenes Ticket von Alice", `id="f-who"`})
		b = alice.Get("/tickets?who=mine&state=all&sort=created&page=2").Body
		check(b, "alice's own list, page 2", nil, all)
	})
}
