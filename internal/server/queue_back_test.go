package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketBackToFilteredQueue: an agent working through a filtered queue opens a
// ticket, changes it and follows "← All tickets": it leads back to the list with the
// filters, sort and search they had (empty fields of the filter form left out), not to
// the unfiltered queue. The plain queue and signing out forget the filters; another
// member's browser gets the plain queue; a forged cookie only ever yields a query of
// the queue.
func TestTicketBackToFilteredQueue(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Drucker streikt")
		ticketPath := "/admin/tickets/" + itoa64(id)
		back := func(body string) string {
			t.Helper()
			i := strings.Index(body, `class="btn jump-side"`)
			if i < 0 {
				t.Fatalf("no ticket page head: %.300s", body)
			}
			rest := body[i:]
			j := strings.Index(rest, `<a class="btn" href="`)
			rest = rest[j+len(`<a class="btn" href="`):]
			return rest[:strings.Index(rest, `"`)]
		}
		h.staffC.Get("/admin/tickets?q=&state=open&company=&cq=&assignee=none&priority=2&sort=priority")
		want := "/admin/tickets?assignee=none&amp;priority=2&amp;sort=priority&amp;state=open"
		if got := back(h.staffC.Get(ticketPath).Body); got != want {
			t.Errorf("back link after the filtered queue: %q, want %q", got, want)
		}
		// Working on the ticket keeps it: the page after the assignment links back too.
		if r := h.staffC.Post(ticketPath+"/assign", url.Values{"assignee": {itoa64(h.admin.ID)}}); r.Status != 303 {
			t.Fatalf("assign: %d", r.Status)
		}
		if got := back(h.staffC.Get(ticketPath).Body); got != want {
			t.Errorf("back link after assigning: %q, want %q", got, want)
		}
		// A search's text is not kept (it may name a person, and the cookie outlives an
		// erasure), nor the page of its results; the filters are.
		h.staffC.Get("/admin/tickets?q=Anna+M%C3%BCller&state=open&page=3&cq=Acme")
		if got := back(h.staffC.Get(ticketPath).Body); got != "/admin/tickets?state=open" {
			t.Errorf("back link after a search: %q", got)
		}
		other := h.env.Client("hd.test")
		other.AdminLogin("agent@hd.test", "agent-password-1")
		if got := back(other.Get(ticketPath).Body); got != "/admin/tickets" {
			t.Errorf("another member's back link: %q", got)
		}
		h.staffC.Get("/admin/tickets?assignee=none")
		h.staffC.Post("/admin/logout", url.Values{})
		if h.staffC.Cookie("pforte_queue") != "" {
			t.Errorf("the kept queue outlives signing out")
		}
		h.staffC.AdminLogin("admin@hd.test", "admin-password-1")
		h.staffC.Get("/admin/tickets?assignee=none")
		h.staffC.Get("/admin/tickets")
		if got := back(h.staffC.Get(ticketPath).Body); got != "/admin/tickets" {
			t.Errorf("back link after the plain queue: %q", got)
		}
		other.SetCookie("pforte_queue", "next=//evil.test/x")
		if got := back(other.Get(ticketPath).Body); got != "/admin/tickets?next=%2F%2Fevil.test%2Fx" {
			t.Errorf("forged cookie: back link %q", got)
		}
	})
}
