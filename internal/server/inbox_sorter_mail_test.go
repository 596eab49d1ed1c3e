package server_test

import (
	"context"
	"net/url"
	"testing"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInboxSorterNotMailed: the staff member who sorts a mail from the inbox into a new
// ticket, or into a ticket as the customer's reply, gets no "new ticket" or "customer
// replied" mail about what they just did themselves (as one who opens a ticket for a
// customer gets none); a colleague still gets both.
func TestInboxSorterNotMailed(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d, send := mailDesk(t, e)
		ctx := context.Background()
		d.env.Staff(d.t, staff.RoleAgent, "kollege@desk.test", "kollege-password")
		mails := func(to string) int {
			t.Helper()
			var n int
			if err := d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = ? AND ticket_id IS NOT NULL`, to).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		item := func(subject string) string {
			t.Helper()
			var id int64
			if err := d.env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE kind = 'mail' AND email = 'chloe@inconnu.test'
				AND title = ?`, subject).Scan(&id); err != nil {
				t.Fatalf("inbox item %q: %v", subject, err)
			}
			return itoa64(id)
		}
		send("Chloé Martin <chloe@inconnu.test>", "support@desk.test", "Subject: Drucker\r\n", "Er druckt nicht.\r\n")
		send("Chloé Martin <chloe@inconnu.test>", "support@desk.test", "Subject: Noch etwas\r\n", "Auch der Scanner nicht.\r\n")
		first, second := item("Drucker"), item("Noch etwas")
		c := d.env.Client("desk.test")
		c.AdminLogin("agent@desk.test", "agent-password")
		r := c.Post("/admin/inbox/"+first+"/ticket", url.Values{"company_id": {itoa64(d.a.ID)}, "contact_id": {"new"},
			"first_name": {"Chloé"}, "last_name": {"Martin"}})
		if r.Status != 303 {
			t.Fatalf("ticket from the inbox mail: %d %.300s", r.Status, r.Body)
		}
		if n, k := mails("agent@desk.test"), mails("kollege@desk.test"); n != 0 || k != 1 {
			t.Errorf("new ticket from the inbox: %d mails to the sorter, %d to the colleague (want 0, 1)", n, k)
		}
		var ticketID int64
		d.env.DB.QueryRow(ctx, `SELECT MAX(id) FROM tickets WHERE tenant_id = ?`, d.t.ID).Scan(&ticketID)
		if r := c.Post("/admin/inbox/"+second+"/attach", url.Values{"ticket_id": {itoa64(ticketID)}, "confirm": {"1"}}); r.Status != 303 {
			t.Fatalf("attach: %d %.300s", r.Status, r.Body)
		}
		var replies int
		d.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ? AND NOT internal AND staff_id IS NULL`, ticketID).Scan(&replies)
		if replies != 2 {
			t.Fatalf("the second mail is not the customer's reply: %d public messages of hers", replies)
		}
		if n, k := mails("agent@desk.test"), mails("kollege@desk.test"); n != 0 || k != 2 {
			t.Errorf("reply from the inbox: %d mails to the sorter, %d to the colleague (want 0, 2)", n, k)
		}
	})
}
