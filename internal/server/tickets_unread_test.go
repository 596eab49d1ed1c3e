package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketUnread: what is new for whom. A new ticket is new for every staff member
// until each opens it; a customer's reply makes it new again for both; an internal note
// is new for the other member only and never reaches the contact; a public staff reply
// is "New reply" for the contact (list and home page) until they open the ticket, and
// nobody's own message makes a ticket new for them.
func TestTicketUnread(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		admin := h.staffC // member A
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1") // member B
		anna := h.portal("anna@acme.test", "anna-password-1")
		const queue, list, badge = "/admin/tickets", "/tickets", "New reply"
		id := h.open(t, h.acme, h.anna, "Printer jams")
		path := "/admin/tickets/" + itoa64(id)
		newFor := func(step string, wantA, wantB, wantAnna bool) {
			t.Helper()
			for _, c := range []struct {
				who  string
				got  map[int64]bool
				want bool
			}{
				{"A in the queue", queueNew(t, admin, queue), wantA},
				{"B in the queue", queueNew(t, agent, queue), wantB},
				{"Anna in her list", portalNew(t, anna, list, badge), wantAnna},
			} {
				if got, listed := c.got[id]; !listed || got != c.want {
					t.Errorf("%s: new for %s %v (listed %v), want %v", step, c.who, got, listed, c.want)
				}
			}
			if got, listed := homeNew(t, anna)[itoa64(id)]; !listed || got != wantAnna {
				t.Errorf("%s: New reply for Anna on the home page %v (listed %v), want %v", step, got, listed, wantAnna)
			}
		}
		newFor("opened by Anna", true, true, false)

		admin.Get(path)
		newFor("A read it", false, true, false)

		if r := anna.PostMultipart("/tickets/"+itoa64(id)+"/reply", map[string]string{"body": "It jams again."}); r.Status != 303 {
			t.Fatalf("Anna's reply: %d", r.Status)
		}
		newFor("Anna replied", true, true, false)

		agent.Get(path)
		newFor("B read it", true, false, false)
		admin.Get(path)

		if r := admin.PostMultipart(path+"/reply", map[string]string{"kind": "note", "body": "INTERNAL-NOTE: order a drum"}); r.Status != 303 {
			t.Fatalf("A's note: %d", r.Status)
		}
		newFor("A's internal note", false, true, false)
		if strings.Contains(anna.Get("/tickets/"+itoa64(id)).Body, "INTERNAL-NOTE") {
			t.Fatal("internal note shown to the contact")
		}
		agent.Get(path)

		if r := admin.PostMultipart(path+"/reply", map[string]string{"kind": "reply", "body": "A technician comes today."}); r.Status != 303 {
			t.Fatalf("A's reply: %d", r.Status)
		}
		newFor("A's public reply", false, true, true)
		agent.Get(path)
		newFor("B read it again", false, false, true)

		// Opening the ticket clears "New reply" at once (the kept list and panel stay).
		anna.Get("/tickets/" + itoa64(id))
		newFor("Anna read it", false, false, false)

		// The one who writes has read it: Anna's answer by portal is new for staff only.
		if r := anna.PostMultipart("/tickets/"+itoa64(id)+"/reply", map[string]string{"body": "Thanks!"}); r.Status != 303 {
			t.Fatalf("Anna's second reply: %d", r.Status)
		}
		newFor("Anna's thanks", true, true, false)

		// Read marks are per reader: another company's contact, and tenant B, see nothing
		// of this ticket; Bernd (a user of Acme who neither opened nor follows it) neither.
		clara := h.portal("clara@beta.test", "clara-password-1")
		if _, listed := portalNew(t, clara, list+"?state=all", "New reply")[id]; listed {
			t.Error("another company's contact lists the ticket")
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_contact_reads WHERE ticket_id = ? AND contact_id <> ?`, id, h.anna.ID); n != 0 {
			t.Errorf("%d read marks of other contacts", n)
		}
	})
}

// TestTicketUnreadPreview: staff previewing the portal as a contact see the contact's
// "New reply" but never mark anything read for them, and the preview writes nothing.
func TestTicketUnreadPreview(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Printer jams")
		if r := h.staffC.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply", "body": "Please restart it."}); r.Status != 303 {
			t.Fatalf("reply: %d", r.Status)
		}
		anna := h.portal("anna@acme.test", "anna-password-1")
		if !portalNew(t, anna, "/tickets", "New reply")[id] {
			t.Fatal("no New reply before the preview")
		}
		marks := count(t, h.env, `SELECT COUNT(*) FROM ticket_contact_reads`)
		if r := h.staffC.Post("/admin/contacts/"+itoa64(h.anna.ID)+"/preview", url.Values{"company_id": {itoa64(h.acme.ID)}}); r.Status != 303 {
			t.Fatalf("start preview: %d", r.Status)
		}
		if !portalNew(t, h.staffC, "/tickets", "New reply")[id] {
			t.Error("the preview does not show Anna's New reply")
		}
		if r := h.staffC.Get("/tickets/" + itoa64(id)); r.Status != 200 || !strings.Contains(r.Body, "Please restart it.") {
			t.Fatalf("ticket in preview: %d", r.Status)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_contact_reads`); n != marks {
			t.Errorf("the preview wrote read marks: %d → %d", marks, n)
		}
		if !portalNew(t, anna, "/tickets", "New reply")[id] || !homeNew(t, anna)[itoa64(id)] {
			t.Error("the preview marked the ticket read for Anna")
		}
		anna.Get("/tickets/" + itoa64(id))
		if portalNew(t, anna, "/tickets", "New reply")[id] {
			t.Error("still new after Anna opened it")
		}
	})
}
