package server_test

import (
	"context"
	"html"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketSearchConversation: the portal's and the back office's ticket lists find a
// ticket by a word of its conversation and show the piece that matched, with the word
// marked; the portal never by a word of an internal note; a search that finds nothing
// among open tickets offers the same search over all of them.
func TestTicketSearchConversation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe, alice, bob := d.as("uwe@alpha.test", "uwe-password-1"), d.as("alice@alpha.test", "alice-password"), d.as("bob@beta.test", "bob-password-1")
		id := d.open(t, uwe, "Drucker druckt nicht")
		d.open(t, bob, "Beta: Fehler Q-7781 im Lager") // another company's word
		d.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			if _, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{TenantID: d.t.ID, TicketID: id, StaffID: d.admin.ID,
				Author: "Agent", Body: "Bitte nennen Sie uns die Seriennummer des Geräts."}, now()); err != nil {
				return err
			}
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{TenantID: d.t.ID, TicketID: id, StaffID: d.admin.ID,
				Author: "Agent", Internal: true, Body: "Intern: Gerät ist ein Leihgerät vom Kunden Zebrafink."}, now())
			return err
		})
		r := alice.Get("/tickets?state=all&q=seriennummer")
		if r.Status != 200 || !strings.Contains(r.Body, "Drucker druckt nicht") ||
			!strings.Contains(r.Body, "die <mark>Seriennummer</mark> des") {
			t.Fatalf("portal search by a reply's word: %d %.2000s", r.Status, r.Body)
		}
		for _, q := range []string{"zebrafink", "leihgerät", "q-7781"} { // a note's words; another company's
			if r := alice.Get("/tickets?state=all&q=" + q); r.Status != 200 || strings.Contains(r.Body, "Drucker druckt nicht") ||
				strings.Contains(r.Body, "Zebrafink") || strings.Contains(r.Body, "Lager") {
				t.Errorf("portal search %q finds what it must not: %d %.1500s", q, r.Status, r.Body)
			}
		}
		// Found nothing among the open tickets: the same search over every ticket.
		r = bob.Get("/tickets?q=seriennummer")
		if !strings.Contains(r.Body, `href="/tickets?q=seriennummer&amp;state=all"`) {
			t.Errorf("no offer to search all tickets: %.2000s", r.Body)
		}
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		r = staff.Get("/admin/tickets?state=all&q=zebrafink")
		if r.Status != 200 || !strings.Contains(r.Body, "Drucker druckt nicht") || !strings.Contains(r.Body, "vom Kunden <mark>Zebrafink</mark>.") {
			t.Fatalf("staff search by a note's word: %d %.2000s", r.Status, r.Body)
		}
		// Too short for the messages: the lists say that only titles were searched; a
		// ticket number or a longer word is no such search.
		short := html.EscapeString(i18n.For("de").T("search_hint.short"))
		for _, c := range []struct {
			path string
			want bool
		}{{"/tickets?state=all&q=dr", true}, {"/tickets?state=all&q=%23" + itoa64(id), false}, {"/tickets?state=all&q=seriennummer", false}} {
			if got := strings.Contains(alice.Get(c.path).Body, short); got != c.want {
				t.Errorf("portal %s: short-search hint %v, want %v", c.path, got, c.want)
			}
		}
		if !strings.Contains(staff.Get("/admin/tickets?q=x").Body, short) {
			t.Errorf("the queue does not say a one-letter search looked at titles only")
		}
	})
}
