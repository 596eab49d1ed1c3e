package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketCompanyOpen: beside a ticket staff see the company's other open tickets,
// newest activity first, those of the same contact marked — never the ticket itself, a
// resolved one, another company's or another tenant's — and, beyond five, a link to
// the company's open tickets in the queue.
func TestTicketCompanyOpen(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		uwe, alice, bob := d.as("uwe@alpha.test", "uwe-password-1"), d.as("alice@alpha.test", "alice-password"), d.as("bob@beta.test", "bob-password-1")
		first := d.open(t, uwe, "Drucker klemmt")
		again := d.open(t, uwe, "Drucker klemmt schon wieder")
		vpn := d.open(t, alice, "VPN bricht ab")
		done := d.open(t, alice, "Passwort vergessen")
		beta := d.open(t, bob, "Beta-Server langsam")
		other := d.env.Tenant("Other", "other.test")
		oc := d.env.Company(other, "Fremd GmbH")
		d.env.Contact(other, "olga@fremd.test", "olga-password-1", "main", oc)
		olga := d.env.Client("other.test")
		olga.Login("olga@fremd.test", "olga-password-1")
		r := olga.PostMultipart("/tickets", map[string]string{"title": "Fremdes Ticket", "body": "x", "priority": "2"})
		if r.Status != 303 {
			t.Fatalf("foreign tenant's ticket: %d", r.Status)
		}
		statuses, err := ticket.Statuses(ctx, d.env.DB, d.t.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range statuses {
			if s.Kind == "resolved" {
				d.staffDo(t, done, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
					_, err := ticket.SetStatus(ctx, tx, tk, s.ID, ticket.Actor{StaffID: d.admin.ID, Name: "Agent"}, time.Now())
					return err
				})
				break
			}
		}

		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		card := func(id int64) string {
			t.Helper()
			r := staff.Get("/admin/tickets/" + itoa64(id))
			if r.Status != 200 {
				t.Fatalf("ticket %d: %d", id, r.Status)
			}
			i := strings.Index(r.Body, `id="copen-h"`)
			if i < 0 {
				t.Fatalf("ticket %d has no card of the company's open tickets", id)
			}
			return r.Body[i : i+strings.Index(r.Body[i:], "</section>")]
		}
		c := card(first)
		for _, want := range []string{"Weitere offene Tickets", "/admin/tickets/" + itoa64(again) + `"`, "/admin/tickets/" + itoa64(vpn) + `"`,
			"gleicher Kontakt", "Alle Tickets von Alpha GmbH", "/admin/tickets?state=all&amp;company=" + itoa64(d.a.ID)} {
			if !strings.Contains(c, want) {
				t.Errorf("card lacks %q:\n%s", want, c)
			}
		}
		for _, not := range []string{"/admin/tickets/" + itoa64(first) + `"`, "Passwort vergessen", "Beta-Server", "Fremdes Ticket", "Alle offenen Tickets"} {
			if strings.Contains(c, not) {
				t.Errorf("card shows %q:\n%s", not, c)
			}
		}
		// Newest activity first; alice's ticket is hers, not "same contact" as uwe's.
		if strings.Index(c, "VPN bricht ab") > strings.Index(c, "schon wieder") {
			t.Errorf("not newest first:\n%s", c)
		}
		if vc := card(vpn); strings.Count(vc, "gleicher Kontakt") != 0 || !strings.Contains(vc, "Drucker klemmt") {
			t.Errorf("alice's ticket marks uwe's as the same contact:\n%s", vc)
		}
		if bc := card(beta); !strings.Contains(bc, "Beta AG hat keine weiteren offenen Tickets.") {
			t.Errorf("Beta's only ticket:\n%s", bc)
		}
		// Beyond five: five shown and the link to the open ones.
		for i := range 4 {
			d.open(t, alice, "Weiteres Problem "+itoa64(int64(i)))
		}
		c = card(first)
		if n := strings.Count(c, `<li>`); n != 5 || !strings.Contains(c, "Alle offenen Tickets von Alpha GmbH") {
			t.Errorf("%d rows, want 5 and the link to more:\n%s", n, c)
		}
	})
}
