package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsAdminQueue: the queue's filters (state, status, company by id and by name
// search, assignee, priority, pending requests, number and title search), its sorting
// and its paging without counts; bad filter values fall back to the defaults.
func TestTicketsAdminQueue(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		high := func(n *ticket.New) { n.Priority = ticket.PriorityHigh }
		printer := h.open(t, h.acme, h.anna, "Printer jams on floor 2", high)
		server := h.open(t, h.beta, h.clara, "Server down", func(n *ticket.New) { n.Priority = ticket.PriorityUrgent })
		invoice := h.open(t, h.acme, h.bernd, "Old invoice question")
		vpn := h.open(t, h.acme, h.anna, "VPN slow", func(n *ticket.New) { n.Priority = ticket.PriorityLow })
		bounce := h.open(t, h.beta, h.clara, "Mail bounced")
		resolved := statusID(t, h.env, h.ten.ID, ticket.CodeResolved)
		h.change(t, invoice, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			_, err := ticket.SetStatus(ctx, tx, tk, resolved, by, time.Now())
			return err
		})
		h.change(t, bounce, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			_, err := ticket.SetStatus(ctx, tx, tk, statusID(t, h.env, h.ten.ID, ticket.CodeClosed), by, time.Now())
			return err
		})
		h.change(t, server, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.Assign(ctx, tx, tk, h.admin.ID, by, time.Now())
		})
		h.change(t, vpn, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			if err := ticket.Assign(ctx, tx, tk, h.agent.ID, by, time.Now()); err != nil {
				return err
			}
			return ticket.Decide(ctx, tx, tk, true, "", by, time.Now())
		})
		all := []int64{printer, server, invoice, vpn, bounce}
		cases := []struct {
			query string
			want  []int64
		}{
			{"", []int64{printer, server, vpn}},
			{"?state=open", []int64{printer, server, vpn}},
			{"?state=done", []int64{invoice, bounce}},
			{"?state=all", all},
			{"?state=" + itoa64(resolved), []int64{invoice}},
			{"?state=all&company=" + itoa64(h.acme.ID), []int64{printer, invoice, vpn}},
			{"?cq=Beta", []int64{server}},
			{"?state=all&cq=beta", []int64{server, bounce}},
			{"?assignee=me", []int64{server}},
			{"?assignee=none", []int64{printer}},
			{"?assignee=" + itoa64(h.agent.ID), []int64{vpn}},
			{"?state=all&assignee=none", []int64{printer, invoice, bounce}},
			{"?priority=4", []int64{server}},
			{"?priority=3&state=all", []int64{printer}},
			{"?pending=1", []int64{printer, server}},
			{"?q=printer", []int64{printer}},
			{"?q=jams", []int64{printer}},
			{"?q=%23" + itoa64(invoice), []int64{invoice}}, // a number finds the ticket whatever its state
			{"?q=" + itoa64(vpn), []int64{vpn}},
			// Bad values: defaults (open, anyone), never an error.
			{"?state=bogus&assignee=x&priority=9&sort=evil&company=abc&page=-3", []int64{printer, server, vpn}},
			{"?company=999999", []int64{printer, server, vpn}},
		}
		for _, c := range cases {
			r := h.staffC.Get("/admin/tickets" + c.query)
			if r.Status != 200 {
				t.Errorf("%s: status %d", c.query, r.Status)
				continue
			}
			for _, id := range all {
				want := false
				for _, w := range c.want {
					want = want || w == id
				}
				if got := listed(r.Body, id); got != want {
					t.Errorf("queue %q: ticket %d listed %v, want %v", c.query, id, got, want)
				}
			}
		}
		// An unknown company is not a silent "all companies": the queue says so.
		if r := h.staffC.Get("/admin/tickets?company=999999"); !strings.Contains(r.Body, "Die Firma aus diesem Link gibt es nicht") {
			t.Error("unknown company filter dropped silently")
		}
		if r := h.staffC.Get("/admin/tickets?company=" + itoa64(h.acme.ID)); strings.Contains(r.Body, "Die Firma aus diesem Link") {
			t.Error("a known company said to be gone")
		}
		// The table shows company, contact, status, priority and assignee.
		r := h.staffC.Get("/admin/tickets?state=all")
		for _, s := range []string{"Acme AG", "Beta KG", "Test anna@acme.test", "admin@hd.test", "agent@hd.test", "Dringend", "Gelöst"} {
			if !strings.Contains(r.Body, s) {
				t.Errorf("queue lacks %q", s)
			}
		}
		// Sorting by priority: urgent, high, then low.
		r = h.staffC.Get("/admin/tickets?sort=priority")
		iS, iP, iV := strings.Index(r.Body, "Server down"), strings.Index(r.Body, "Printer jams"), strings.Index(r.Body, "VPN slow")
		if !(iS >= 0 && iS < iP && iP < iV) {
			t.Errorf("priority order: server %d, printer %d, vpn %d", iS, iP, iV)
		}
		r = h.staffC.Get("/admin/tickets?sort=oldest")
		if strings.Index(r.Body, "Printer jams") > strings.Index(r.Body, "VPN slow") {
			t.Errorf("oldest first is not oldest first")
		}
		// Paging: 50 a page, a next link while more follow, kept filters.
		for i := range 50 {
			h.open(t, h.beta, h.clara, fmt.Sprintf("Bulk %02d", i))
		}
		r = h.staffC.Get("/admin/tickets?company=" + itoa64(h.beta.ID))
		if strings.Count(r.Body, `<tr`) != 51 || !strings.Contains(r.Body, `rel="next"`) {
			t.Errorf("page 1: %d rows, next link %v", strings.Count(r.Body, `<tr`)-1, strings.Contains(r.Body, `rel="next"`))
		}
		r = h.staffC.Get("/admin/tickets?company=" + itoa64(h.beta.ID) + "&page=2")
		if strings.Count(r.Body, `<tr`) != 2 || strings.Contains(r.Body, `rel="next"`) || !listed(r.Body, server) {
			t.Errorf("page 2: %d rows", strings.Count(r.Body, `<tr`)-1)
		}
		// An agent works the queue too.
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if r := agent.Get("/admin/tickets?assignee=me"); r.Status != 200 || !listed(r.Body, vpn) || listed(r.Body, server) {
			t.Errorf("agent's queue: %d", r.Status)
		}
		// The navigation leads to the queue.
		if r := agent.Get("/admin/"); !strings.Contains(r.Body, `href="/admin/tickets"`) {
			t.Errorf("no tickets link in the navigation")
		}
	})
}
