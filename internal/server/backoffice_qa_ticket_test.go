package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestTicketPageWorkingControlsFirst: the staff ticket page's side column starts with
// the ticket's details and right under them the controls staff use on every ticket
// (status, assignee with "Assign to me", priority and category, billing); the other
// tickets, SLA, follow-up and time come after them.
func TestTicketPageWorkingControlsFirst(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		path := "/admin/tickets/" + itoa64(h.open(t, h.acme, h.anna, "Drucker streikt"))
		h.open(t, h.acme, h.bernd, "Noch ein Ticket") // so the company's other tickets show
		body := h.staffC.Get(path).Body
		side := strings.Index(body, `class="ticket-side"`)
		order := []string{`id="facts-h"`, `action="` + path + `/status"`, `action="` + path + `/assign"`,
			">Mir zuweisen</button>", `action="` + path + `/details"`, "Abrechnen geht, sobald", // billing: offered once resolved (qa2_desk_test.go)
			`action="` + path + `/followup"`, `action="` + path + `/merge#merge"`, `id="hist-h"`}
		last := side
		for _, s := range order {
			i := strings.Index(body, s)
			if side < 0 || i < last {
				t.Fatalf("%q at %d, not after %d (side column at %d)", s, i, last, side)
			}
			last = i
		}
		// Labels stay: every control keeps its label, tied to it by id.
		for _, l := range []string{`<label for="f-status">`, `<label for="f-assignee">`, `<label for="f-priority">`, `<label for="f-category">`} {
			if !strings.Contains(body, l) {
				t.Errorf("label %s missing", l)
			}
		}
	})
}

// TestTicketAssignToMe: "Assign to me" is one POST of the assignment form with the
// reader's id: the ticket is theirs, the event is written as for any assignment, and
// the button is gone while the ticket is theirs. Cross-origin posts are refused as for
// every form, and an inactive staff member is not offered the button.
func TestTicketAssignToMe(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, "Drucker streikt")
		path := "/admin/tickets/" + itoa64(id)
		page := h.staffC.Get(path).Body
		form := `<input type="hidden" name="assignee" value="` + itoa64(h.admin.ID) + `">`
		if !strings.Contains(page, form) {
			t.Fatalf("no assign-to-me form: %.3000s", page[strings.Index(page, `id="manage-h"`):])
		}
		i := strings.Index(page, form)
		mark := page[strings.LastIndex(page[:i], "<form"):i]
		if !strings.Contains(mark, `name="seen_msg"`) || !strings.Contains(mark, `name="seen_event"`) {
			t.Errorf("the form carries no mark, a colleague's assignment meanwhile would go unnoticed")
		}
		seen := func(name string) string {
			s := mark[strings.Index(mark, `name="`+name+`" value="`)+len(`name="`+name+`" value="`):]
			return s[:strings.IndexByte(s, '"')]
		}
		f := url.Values{"assignee": {itoa64(h.admin.ID)}, "seen_msg": {seen("seen_msg")}, "seen_event": {seen("seen_event")}}

		// From another site, with the staff member's cookie: refused before anything happens.
		req, err := http.NewRequest("POST", h.env.Srv.URL+path+"/assign", strings.NewReader(f.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "hd.test"
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.AddCookie(&http.Cookie{Name: web.AdminCookie, Value: h.staffC.Cookie(web.AdminCookie)})
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-origin assign: %d, want 403", res.StatusCode)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != 0 {
			t.Fatalf("assigned by a cross-origin post")
		}

		if r := h.staffC.Post(path+"/assign", f); r.Status != 303 {
			t.Fatalf("assign to me: %d %.500s", r.Status, r.Body)
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.AssigneeID != h.admin.ID {
			t.Fatalf("assignee %d, want %d", d.AssigneeID, h.admin.ID)
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM ticket_events WHERE ticket_id = ? AND kind = 'assigned' AND staff_id = ?`,
			id, h.admin.ID); n != 1 {
			t.Errorf("%d assignment events, want 1", n)
		}
		if page := h.staffC.Get(path).Body; strings.Contains(page, ">Mir zuweisen</button>") {
			t.Errorf("assign to me offered on one's own ticket")
		}
		// The agent takes it over: for the agent it is offered.
		agent := h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		if page := agent.Get(path).Body; !strings.Contains(page, `<input type="hidden" name="assignee" value="`+itoa64(h.agent.ID)+`">`) {
			t.Errorf("agent is not offered to take the ticket")
		}
	})
}
