package server_test

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// bulkForm is the queue's bulk form as a browser sends it: the ticked ids and the
// chosen action.
func bulkForm(action string, ids ...int64) url.Values {
	f := url.Values{"action": {action}}
	for _, id := range ids {
		f.Add("ids", itoa64(id))
	}
	return f
}

// bulkDone posts the bulk form and returns the queue it leads back to, with its flash.
func bulkDone(t *testing.T, c *apptest.Client, query string, f url.Values) string {
	t.Helper()
	path := "/admin/tickets/bulk"
	if query != "" {
		path += "?" + query
	}
	r := c.Post(path, f)
	if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets") {
		t.Fatalf("bulk %v: %d %s %.400s", f, r.Status, r.Location, r.Body)
	}
	return c.Get(r.Location).Body
}

var flashDiv = regexp.MustCompile(`<div class="flash[^"]*" role="(?:status|alert)">([^<]*)</div>`)

// bulkFlash is the flash message a page shows, or "".
func bulkFlash(body string) string {
	if m := flashDiv.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// mailTo lists the recipients of the mails about a ticket, in order.
func mailTo(t *testing.T, h *helpdesk, id int64) []string {
	t.Helper()
	var out []string
	for _, m := range mailsFor(t, h.env, id) {
		out = append(out, strings.TrimPrefix(strings.SplitN(m, "\n", 2)[0], "To: "))
	}
	slices.Sort(out)
	return out
}

// TestTicketsBulkChange: the queue's bulk form assigns, moves and reprioritises
// exactly the ticked tickets, through the same rules, history and mails as the ticket
// page: the contact, followers and the new assignee get the very mails a single
// change sends. Billed and merged tickets, unknown numbers and tickets that already
// were so are counted in the flash, in the reader's language, and the queue comes
// back with its filters.
func TestTicketsBulkChange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		follow := func(id int64) {
			h.change(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, _ ticket.Actor) error {
				return ticket.Follow(ctx, tx, tk, h.bernd.ID, "Anna", h.anna.ID, 0, tk.CreatedAt)
			})
		}
		single, a, b, c := h.open(t, h.acme, h.anna, "Single"), h.open(t, h.acme, h.anna, "Bulk A"),
			h.open(t, h.acme, h.anna, "Bulk B"), h.open(t, h.beta, h.clara, "Not ticked")
		for _, id := range []int64{single, a, b} {
			follow(id)
		}
		billed, merged, holder := h.open(t, h.acme, h.anna, "Billed"), h.open(t, h.acme, h.anna, "Merged"), h.open(t, h.acme, h.anna, "Holder")
		h.change(t, billed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			return ticket.SetBilled(ctx, tx, tk, true, by, tk.CreatedAt)
		})
		h.change(t, merged, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket, by ticket.Actor) error {
			to, err := ticket.ForStaff(ctx, tx, h.ten.ID, holder)
			if err != nil {
				return err
			}
			return ticket.Merge(ctx, tx, tk, to, by, tk.CreatedAt)
		})
		before := map[int64]int{}
		for _, id := range []int64{single, a, b, c, billed, merged} {
			before[id] = len(mailsFor(t, h.env, id))
		}
		progress := statusID(t, h.env, h.ten.ID, ticket.CodeProgress)

		// The queue offers a box per row, labelled with the ticket, and the action bar.
		q := h.staffC.Get("/admin/tickets?state=all")
		for _, want := range []string{`<legend>Angekreuzte Tickets ändern</legend>`, `name="ids" value="` + itoa64(a) + `"`,
			`Ticket #` + itoa64(a) + ` auswählen: Bulk A`, `action="/admin/tickets/bulk?state=all"`, `value="status:` + itoa64(progress) + `"`,
			`value="assign:` + itoa64(h.agent.ID) + `"`, `value="priority:4"`, `data-bulk-all`} {
			if !strings.Contains(q.Body, want) {
				t.Errorf("queue lacks %q", want)
			}
		}

		// Status: the single change and the bulk change send the same mails.
		if r := h.staffC.Post("/admin/tickets/"+itoa64(single)+"/status", url.Values{"status": {itoa64(progress)}}); r.Status != 303 {
			t.Fatalf("single status: %d", r.Status)
		}
		page := bulkDone(t, h.staffC, "state=all&sort=priority", bulkForm("status:"+itoa64(progress), a, b, billed, merged))
		if got := bulkFlash(page); got != "2 Tickets geändert. 1 übersprungen (abgerechnet). 1 übersprungen (in ein anderes Ticket zusammengeführt)." {
			t.Errorf("status flash %q", got)
		}
		singleMails := mailTo(t, h, single)
		if len(singleMails) == before[single] {
			t.Fatal("the single change sent no mail")
		}
		for _, id := range []int64{a, b} {
			d := staffTicket(t, h.env, h.ten.ID, id)
			last := d.Events[len(d.Events)-1]
			if d.Status.ID != progress || last.Kind != "status" || last.Actor != h.admin.Name {
				t.Errorf("ticket %d: status %d, last event %+v", id, d.Status.ID, last)
			}
			if got := mailTo(t, h, id); !slices.Equal(got, singleMails) {
				t.Errorf("ticket %d mailed %v, a single change mails %v", id, got, singleMails)
			}
		}
		for _, id := range []int64{c, billed, merged} {
			if d := staffTicket(t, h.env, h.ten.ID, id); d.Status.ID == progress {
				t.Errorf("ticket %d moved although not ticked or locked", id)
			}
			if n := len(mailsFor(t, h.env, id)); n != before[id] {
				t.Errorf("ticket %d got %d mails", id, n-before[id])
			}
		}

		// The same status again: nothing changes, nobody is mailed.
		n := len(mailsFor(t, h.env, a))
		page = bulkDone(t, h.staffC, "", bulkForm("status:"+itoa64(progress), a))
		if got := bulkFlash(page); got != "1 Ticket hatte diesen Wert schon." || len(mailsFor(t, h.env, a)) != n {
			t.Errorf("same status: flash %q, %d new mails", got, len(mailsFor(t, h.env, a))-n)
		}

		// Assign: the agent is told of each ticket, as by the ticket page; the filters
		// come back. A billed ticket may be assigned (the ticket page allows it too).
		r := h.staffC.Post("/admin/tickets/bulk?assignee=none&q=Bulk", bulkForm("assign:"+itoa64(h.agent.ID), a, b, billed))
		if r.Status != 303 || r.Location != "/admin/tickets?assignee=none&q=Bulk" {
			t.Fatalf("assign: %d %q", r.Status, r.Location)
		}
		if got := bulkFlash(h.staffC.Get(r.Location).Body); got != "3 Tickets geändert." {
			t.Errorf("assign flash %q", got)
		}
		for _, id := range []int64{a, b, billed} {
			if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != h.agent.ID {
				t.Errorf("ticket %d assigned to %d", id, d.AssigneeID)
			}
			if got := mailTo(t, h, id); !slices.Contains(got, "agent@hd.test") {
				t.Errorf("ticket %d: the agent was not told (%v)", id, got)
			}
		}
		if d := staffTicket(t, h.env, h.ten.ID, c); d.AssigneeID != 0 {
			t.Errorf("unticked ticket assigned")
		}
		bulkDone(t, h.staffC, "", bulkForm("assign:0", a, b))
		for _, id := range []int64{a, b} {
			if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != 0 {
				t.Errorf("ticket %d still assigned to %d", id, d.AssigneeID)
			}
		}

		// Priority, with numbers nobody has and text that is no number; in English for
		// a member who reads English.
		h.env.DB.Exec(context.Background(), `UPDATE staff SET language = 'en' WHERE id = ?`, h.admin.ID)
		f := bulkForm("priority:4", a, billed, 999999)
		f.Add("ids", "abc")
		page = bulkDone(t, h.staffC, "", f)
		if got := bulkFlash(page); got != "1 ticket changed. 1 skipped (billed). 2 tickets not found." {
			t.Errorf("priority flash %q", got)
		}
		if d := staffTicket(t, h.env, h.ten.ID, a); d.Priority != ticket.PriorityUrgent {
			t.Errorf("priority %d", d.Priority)
		}
		for _, id := range []int64{b, billed} {
			if d := staffTicket(t, h.env, h.ten.ID, id); d.Priority != ticket.PriorityNormal {
				t.Errorf("ticket %d priority %d", id, d.Priority)
			}
		}
		// Nothing changed and some skipped: said as an error.
		if got := bulkDone(t, h.staffC, "", bulkForm("priority:1", billed)); !strings.Contains(got, `<div class="flash error" role="alert">No ticket was changed. 1 skipped (billed).</div>`) {
			t.Errorf("nothing changed: flash %q", bulkFlash(got))
		}
	})
}

// TestTicketsBulkRefused: no ticket ticked, too many, no or an unknown action (also
// another tenant's status or staff member) answer with the queue, the message on the
// bar and the boxes still ticked, and change nothing. Deactivated colleagues and
// retired statuses are the rules' to refuse, per ticket, as on the ticket page.
// "All on this page" works without script.
func TestTicketsBulkRefused(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		a, b := h.open(t, h.acme, h.anna, "First"), h.open(t, h.acme, h.anna, "Second")
		tb := h.env.Tenant("Other Service", "other.test")
		foreignStatus, err := ticket.StatusByCode(ctx, h.env.DB, tb.ID, ticket.CodeResolved)
		if err != nil {
			t.Fatal(err)
		}
		foreignStaff := h.env.Staff(tb, "admin", "admin@other.test", "other-password-1")
		many := bulkForm("priority:4")
		for i := range 201 {
			many.Add("ids", itoa64(a+int64(i)))
		}
		for _, c := range []struct {
			name string
			f    url.Values
			want string
		}{
			{"nothing ticked", bulkForm("priority:4"), "Bitte kreuzen Sie mindestens ein Ticket an."},
			{"too many", many, "Bitte kreuzen Sie höchstens 200 Tickets auf einmal an."},
			{"no action", bulkForm("", a), "Bitte wählen Sie eine Aktion aus der Liste."},
			{"unknown action", bulkForm("delete:1", a), "Bitte wählen Sie eine Aktion aus der Liste."},
			{"bad target", bulkForm("assign:x", a), "Bitte wählen Sie eine Aktion aus der Liste."},
			{"bad priority", bulkForm("priority:9", a), "Bitte wählen Sie eine Aktion aus der Liste."},
			{"foreign status", bulkForm("status:"+itoa64(foreignStatus.ID), a), "Bitte wählen Sie eine Aktion aus der Liste."},
			{"foreign staff", bulkForm("assign:"+itoa64(foreignStaff.ID), a), "Bitte wählen Sie eine Aktion aus der Liste."},
			{"empty body", url.Values{}, "Bitte kreuzen Sie mindestens ein Ticket an."},
		} {
			r := h.staffC.Post("/admin/tickets/bulk?state=all", c.f)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, `role="alert"`) {
				t.Errorf("%s: %d, %q missing", c.name, r.Status, c.want)
			}
			if c.name == "no action" && !regexp.MustCompile(`value="`+itoa64(a)+`"[^>]*checked`).MatchString(r.Body) {
				t.Errorf("%s: the ticked box is no longer ticked", c.name)
			}
		}
		for _, id := range []int64{a, b} {
			if d := staffTicket(t, h.env, h.ten.ID, id); d.Priority != ticket.PriorityNormal || d.AssigneeID != 0 || len(d.Events) != 1 {
				t.Errorf("ticket %d changed by a refused form: %+v", id, d.Ticket)
			}
		}

		// Rules per ticket: a deactivated colleague, a retired status.
		h.env.DB.Exec(ctx, `UPDATE staff SET active = FALSE WHERE id = ?`, h.agent.ID)
		if got := bulkFlash(bulkDone(t, h.staffC, "", bulkForm("assign:"+itoa64(h.agent.ID), a, b))); got != "Kein Ticket wurde geändert. 2 übersprungen (zugewiesene Person deaktiviert)." {
			t.Errorf("inactive assignee: %q", got)
		}
		retired, err := ticket.SaveStatus(ctx, h.env.DB, h.ten.ID, ticket.Status{Name: "Alt", Kind: ticket.KindOpen, Position: 9, Active: false})
		if err != nil {
			t.Fatal(err)
		}
		if got := bulkFlash(bulkDone(t, h.staffC, "", bulkForm("status:"+itoa64(retired), a))); got != "Kein Ticket wurde geändert. 1 übersprungen (Status nicht mehr in Verwendung)." {
			t.Errorf("retired status: %q", got)
		}

		// "All on this page" without script: the page's ids come along.
		f := bulkForm("priority:3")
		f.Set("all", "1")
		f["page_ids"] = []string{itoa64(a), itoa64(b)}
		if got := bulkFlash(bulkDone(t, h.staffC, "", f)); got != "2 Tickets geändert." {
			t.Errorf("all on this page: %q", got)
		}
		for _, id := range []int64{a, b} {
			if d := staffTicket(t, h.env, h.ten.ID, id); d.Priority != ticket.PriorityHigh {
				t.Errorf("ticket %d priority %d", id, d.Priority)
			}
		}
	})
}

// ticketBulkIsolation: tenant A's staff put tenant B's ticket, status and staff ids
// into the queue's bulk form. The ticket counts as not found, the foreign targets are
// no action, and nothing of tenant B changes: status, priority, assignee, history,
// mails. Part of TestAdminIsolation.
func ticketBulkIsolation(t *testing.T, w *world, staffA *apptest.Client, tenantB int64) {
	t.Helper()
	tk := openTicket(t, w.env, tenantB, w.b1, w.carol, "B1 AG bulk ticket")
	before := staffTicket(t, w.env, tenantB, tk)
	resolvedB, err := ticket.StatusByCode(context.Background(), w.env.DB, tenantB, ticket.CodeResolved)
	if err != nil {
		t.Fatal(err)
	}
	var resolvedA int64
	w.env.DB.QueryRow(context.Background(), `SELECT id FROM ticket_statuses WHERE tenant_id <> ? AND code = ?`, tenantB,
		ticket.CodeResolved).Scan(&resolvedA)
	for _, action := range []string{"status:" + id(resolvedA), "priority:4", "assign:0"} {
		r := staffA.Post("/admin/tickets/bulk", bulkForm(action, tk))
		if r.Status != 303 {
			t.Errorf("bulk %s on tenant B's ticket: %d", action, r.Status)
			continue
		}
		if got := bulkFlash(staffA.Get(r.Location).Body); got != "Kein Ticket wurde geändert. 1 Ticket nicht gefunden." {
			t.Errorf("bulk %s on tenant B's ticket: flash %q", action, got)
		}
	}
	for _, action := range []string{"status:" + id(resolvedB.ID), "assign:" + id(w.staffB)} {
		if r := staffA.Post("/admin/tickets/bulk", bulkForm(action, tk)); r.Status != 422 || strings.Contains(r.Body, "B1 AG") {
			t.Errorf("bulk %s (tenant B's target): %d", action, r.Status)
		}
	}
	after := staffTicket(t, w.env, tenantB, tk)
	if after.Status.ID != before.Status.ID || after.Priority != before.Priority || after.AssigneeID != before.AssigneeID ||
		!after.UpdatedAt.Equal(before.UpdatedAt) || len(after.Events) != len(before.Events) || len(mailsFor(t, w.env, tk)) != 0 {
		t.Errorf("tenant B's ticket changed: %+v → %+v", before.Ticket, after.Ticket)
	}
}
