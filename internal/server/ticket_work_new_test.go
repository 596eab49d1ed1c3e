package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketNewFilesAndAssignee: a ticket staff open for a customer takes files and
// an assignee. The form starts assigned to the member; a refused form keeps its file
// (sent again by its kept id); the assignee gets the ticket and the file is on its
// first message; a foreign or malformed assignee is a field error with the input kept.
func TestTicketNewFilesAndAssignee(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		form := h.staffC.Get("/admin/tickets/new?company=" + itoa64(h.acme.ID)).Body
		if !strings.Contains(form, `enctype="multipart/form-data"`) || !strings.Contains(form, `name="files"`) ||
			!regexp.MustCompile(`<option value="`+itoa64(h.admin.ID)+`" selected>`).MatchString(form) {
			t.Fatalf("new ticket form lacks files or the member as assignee:\n%.2000s", form)
		}
		fields := url.Values{"company_id": {itoa64(h.acme.ID)}, "contact_id": {itoa64(h.anna.ID)}, "title": {""},
			"body": {"Anruf: Drucker zeigt Fehler 42"}, "priority": {"2"}, "assignee": {itoa64(h.agent.ID)}}
		photo := apptest.File{Field: "files", Name: "fehler.png", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")}
		r := h.staffC.PostMultipartValues("/admin/tickets", fields, photo)
		if r.Status != 422 || !strings.Contains(r.Body, "fehler.png") || !strings.Contains(r.Body, "Anruf: Drucker zeigt Fehler 42") {
			t.Fatalf("refused new ticket: %d, file or text lost", r.Status)
		}
		kept := regexp.MustCompile(`name="staged" value="([0-9]+)"`).FindStringSubmatch(r.Body)
		if kept == nil {
			t.Fatal("the refused form does not keep the file")
		}
		fields.Set("title", "Fehler 42")
		fields.Set("staged", kept[1])
		r = h.staffC.PostMultipartValues("/admin/tickets", fields)
		if r.Status != 303 {
			t.Fatalf("new ticket: %d %.300s", r.Status, r.Body)
		}
		id, _ := ticketIDOf(r.Location)
		d := staffTicket(t, h.env, h.ten.ID, id)
		if d.AssigneeID != h.agent.ID || len(d.Messages) != 1 || len(d.Messages[0].Files) != 1 || d.Messages[0].Files[0].Filename != "fehler.png" {
			t.Errorf("new ticket: assignee %d, messages %+v", d.AssigneeID, d.Messages)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM staged_uploads`); n != 0 {
			t.Errorf("%d staged uploads left", n)
		}

		// Nobody, and bad assignees. Each under a title of its own: the same ticket sent
		// again within a moment is a repeat of the first (ticket/repeat.go).
		fields.Del("staged")
		fields.Set("assignee", "")
		fields.Set("title", "Fehler 42, für niemanden")
		if r = h.staffC.PostMultipartValues("/admin/tickets", fields); r.Status != 303 {
			t.Fatalf("unassigned new ticket: %d", r.Status)
		}
		if id, _ := ticketIDOf(r.Location); staffTicket(t, h.env, h.ten.ID, id).AssigneeID != 0 {
			t.Error("unassigned ticket has an assignee")
		}
		other := h.env.Tenant("Other", "other.test")
		stranger := h.env.Staff(other, staff.RoleAgent, "x@other.test", "x-password-1")
		fields.Set("title", "Fehler 42, falsch zugewiesen")
		for _, bad := range []string{"abc", itoa64(stranger.ID)} {
			fields.Set("assignee", bad)
			r = h.staffC.PostMultipartValues("/admin/tickets", fields)
			if r.Status != 422 || !strings.Contains(r.Body, `id="e-assignee"`) || !strings.Contains(r.Body, "Anruf: Drucker zeigt Fehler 42") {
				t.Errorf("assignee %q: %d", bad, r.Status)
			}
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM tickets WHERE assignee_id = `+itoa64(stranger.ID)); n != 0 {
			t.Error("a ticket went to another tenant's member")
		}
	})
}

// ticketIDOf reads the id of a "/admin/tickets/<id>" location.
func ticketIDOf(loc string) (int64, bool) {
	m := regexp.MustCompile(`/admin/tickets/([0-9]+)`).FindStringSubmatch(loc)
	if m == nil {
		return 0, false
	}
	var id int64
	for _, c := range m[1] {
		id = id*10 + int64(c-'0')
	}
	return id, true
}

// TestQueueCount: the queue says how many tickets match, exactly up to the cap (from
// the page itself, or a bounded count past the first page) and "more than 1.000"
// beyond it; a search of several pages "more than" the tickets of its pages.
func TestQueueCount(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		for range 3 {
			h.open(t, h.beta, h.clara, "Beta")
		}
		if page := h.staffC.Get("/admin/tickets?company=" + itoa64(h.beta.ID)).Body; !strings.Contains(page, ">3 Tickets</p>") {
			t.Errorf("small queue count missing")
		}
		if page := h.staffC.Get("/admin/tickets?company=" + itoa64(h.beta.ID) + "&priority=4").Body; strings.Contains(page, "queue-count") {
			t.Errorf("an empty queue shows a count")
		}
		ctx := context.Background()
		err := h.env.DB.InTx(ctx, func(tx *db.Tx) error {
			for i := range 1003 {
				n := ticket.New{TenantID: h.ten.ID, CompanyID: h.acme.ID, ContactID: h.anna.ID, Author: "Anna",
					Title: "Viele " + itoa64(int64(i)), Body: "x", Priority: ticket.PriorityNormal}
				if i < 57 {
					n.Priority = ticket.PriorityUrgent
				}
				if _, err := ticket.Create(ctx, tx, n, time.Now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		urgent := "/admin/tickets?priority=" + itoa64(int64(ticket.PriorityUrgent))
		for _, p := range []string{urgent, urgent + "&page=2"} {
			if page := h.staffC.Get(p).Body; !strings.Contains(page, ">57 Tickets</p>") {
				t.Errorf("%s: count of 57 missing", p)
			}
		}
		if page := h.staffC.Get("/admin/tickets?state=all").Body; !strings.Contains(page, ">Mehr als 1.000 Tickets</p>") {
			t.Errorf("capped count missing: %q", regexp.MustCompile(`queue-count[^<]*<`).FindString(page))
		}
		if page := h.staffC.Get("/admin/tickets?company=" + itoa64(h.beta.ID)).Body; !strings.Contains(page, ">3 Tickets</p>") {
			t.Errorf("filtered count missing")
		}
		// Every filter counts (the conditions name no table the count leaves out).
		for _, q := range []string{"overdue=1", "followup=due", "followup=mine", "unread=1", "rating=good", "rating=none",
			"state=done&billed=no", "contact=" + itoa64(h.anna.ID), "contact=" + itoa64(h.anna.ID) + "&page=2", "assignee=none",
			"assignee=me", "pending=1", "sort=priority", "state=all&sort=oldest&page=3", "state=" + itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeNew))} {
			if r := h.staffC.Get("/admin/tickets?" + q); r.Status != 200 {
				t.Errorf("queue %s: %d", q, r.Status)
			}
		}
		if page := h.staffC.Get("/admin/tickets?contact=" + itoa64(h.anna.ID) + "&page=2").Body; !strings.Contains(page, ">Mehr als 1.000 Tickets</p>") {
			t.Errorf("contact count page 2: %q", regexp.MustCompile(`queue-count[^<]*<`).FindString(page))
		}
		// A search of several pages is counted no further than its pages.
		if page := h.staffC.Get("/admin/tickets?state=all&q=Viele").Body; !strings.Contains(page, ">Mehr als 50 Tickets</p>") {
			t.Errorf("search count: %q", regexp.MustCompile(`queue-count[^<]*<`).FindString(page))
		}
	})
}
