package server_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketUnreadQueue: "unread only" lists the member's own open tickets that are new
// for them — not colleagues' tickets, not done ones, not those they read, not tickets
// from before read marks existed — and "mark all on this page as read" marks what the
// page showed: a message that arrived since stays new; bad values and other tenants'
// tickets mark nothing.
func TestTicketUnreadQueue(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := h.env.DB.Exec(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		mine, read, theirs, done, old := h.open(t, h.acme, h.anna, "Mine and new"), h.open(t, h.acme, h.anna, "Mine and read"),
			h.open(t, h.acme, h.anna, "Admin's"), h.open(t, h.acme, h.anna, "Mine but resolved"), h.open(t, h.acme, h.anna, "Mine from before")
		for _, id := range []int64{mine, read, done, old} {
			exec(`UPDATE tickets SET assignee_id = ? WHERE id = ?`, h.agent.ID, id)
		}
		exec(`UPDATE tickets SET assignee_id = ? WHERE id = ?`, h.admin.ID, theirs)
		h.setStatus(t, done, ticket.CodeResolved)
		// A ticket whose messages came before migration 00043 counts as read by everyone.
		exec(`UPDATE tickets SET news = NULL, news_staff_id = NULL, portal_news = NULL, portal_news_contact_id = NULL WHERE id = ?`, old)
		agent.Get("/admin/tickets/" + itoa64(read))

		unread := func() []int64 {
			t.Helper()
			var ids []int64
			for id, isNew := range queueNew(t, agent, "/admin/tickets?unread=1") {
				if !isNew {
					t.Errorf("unread only lists ticket %d, which is not new", id)
				}
				ids = append(ids, id)
			}
			slices.Sort(ids)
			return ids
		}
		if got := unread(); !slices.Equal(got, []int64{mine}) {
			t.Fatalf("unread only: %v, want [%d]", got, mine)
		}
		page := agent.Get("/admin/tickets?unread=1").Body
		if !strings.Contains(page, `id="funread" type="checkbox" name="unread" value="1" checked`) ||
			!strings.Contains(page, `<option value="me" selected>`) {
			t.Error("the filter form does not show unread only for me")
		}
		if q := queueNew(t, agent, "/admin/tickets"); !q[mine] || !q[theirs] || q[read] || q[old] {
			t.Errorf("queue: %v", q)
		}
		if strings.Contains(anna(h).Get("/tickets").Body, "badge news") {
			t.Error("Anna's own tickets are news for her")
		}

		// The page saw one message; Anna writes again before the click: still new.
		shown := readValues(page)
		if !slices.Equal(shown, []string{itoa64(mine) + ".1"}) {
			t.Fatalf("mark form values %v", shown)
		}
		h.change(t, mine, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, _ ticket.Actor) error {
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{ContactID: h.anna.ID, Author: "Anna", Body: "Any news?"}, now())
			return err
		})
		markRead(t, agent, "/admin/tickets/read?unread=1", shown, "/admin/tickets?unread=1", "1 Ticket als gelesen markiert.")
		if got := unread(); !slices.Equal(got, []int64{mine}) {
			t.Fatalf("after marking the older message: unread %v", got)
		}
		markRead(t, agent, "/admin/tickets/read?unread=1", readValues(agent.Get("/admin/tickets?unread=1").Body),
			"/admin/tickets?unread=1", "1 Ticket als gelesen markiert.")
		if got := unread(); len(got) != 0 {
			t.Fatalf("after marking the page: unread %v", got)
		}
		if !queueNew(t, h.staffC, "/admin/tickets")[mine] {
			t.Error("the agent's mark cleared the admin's news")
		}

		// Nonsense and other tenants' tickets mark nothing.
		tb := h.env.Tenant("Other Service", "other.test")
		coB := h.env.Company(tb, "Other Customer")
		carl := h.env.Contact(tb, "carl@other.test", "carl-password-1", "main", coB)
		foreign := openTicket(t, h.env, tb.ID, coB.ID, carl.ID, "Ticket of B")
		markRead(t, agent, "/admin/tickets/read", []string{itoa64(foreign) + ".1", "x.1", "0.1", itoa64(theirs) + ".9", itoa64(theirs)},
			"/admin/tickets", "Kein Ticket wurde als gelesen markiert.")
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_staff_reads WHERE ticket_id IN (?, ?)`, foreign, theirs); n != 0 {
			t.Errorf("%d marks from bad values", n)
		}
	})
}

// anna logs the helpdesk world's Anna into the portal.
func anna(h *helpdesk) *apptest.Client { return h.portal("anna@acme.test", "anna-password-1") }

// markRead posts the queue's "mark all on this page as read" and checks where it leads
// and what it says.
func markRead(t *testing.T, c *apptest.Client, action string, values []string, back, flash string) {
	t.Helper()
	r := c.Post(action, url.Values{"read": values})
	if r.Status != 303 || r.Location != back {
		t.Fatalf("mark read: %d %q, want 303 %q", r.Status, r.Location, back)
	}
	if body := c.Get(r.Location).Body; !strings.Contains(body, flash) {
		t.Errorf("mark read: flash %q not shown", flash)
	}
}

// ticketReadIsolation: tenant A's staff marking tenant B's ticket read (the queue's
// "mark all on this page as read" with B's number and count) marks nothing and tells
// nothing (TestAdminIsolation).
func ticketReadIsolation(t *testing.T, w *world, staffA *apptest.Client, tenantB int64) {
	t.Helper()
	tk := openTicket(t, w.env, tenantB, w.b1, w.carol, "B1 AG unread ticket")
	r := staffA.Post("/admin/tickets/read", url.Values{"read": {itoa64(tk) + ".1"}})
	if r.Status != 303 || r.Location != "/admin/tickets" {
		t.Errorf("mark tenant B's ticket read: %d %q", r.Status, r.Location)
	}
	if body := staffA.Get(r.Location).Body; strings.Contains(body, "B1 AG") {
		t.Error("marking tenant B's ticket read leaks it")
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM ticket_staff_reads WHERE ticket_id = ?`, tk); n != 0 {
		t.Errorf("tenant B's ticket got %d read marks", n)
	}
}
