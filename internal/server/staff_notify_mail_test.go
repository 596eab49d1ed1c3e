package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// staffMailBox counts the mails each address got, to read the mails since the last look.
type staffMailBox struct {
	t    *testing.T
	env  *apptest.Env
	seen map[string]int
}

// since returns the mails (subject, text and HTML) to addr queued after the last call.
func (b *staffMailBox) since(addr string) []string {
	b.t.Helper()
	rows, err := b.env.DB.Query(context.Background(), `SELECT subject || '\n' || text_body || '\n' || html_body FROM mails
		WHERE to_addr = ? ORDER BY id`, addr)
	if err != nil {
		b.t.Fatal(err)
	}
	defer rows.Close()
	var all []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			b.t.Fatal(err)
		}
		all = append(all, s)
	}
	out := all[min(b.seen[addr], len(all)):]
	b.seen[addr] = len(all)
	return out
}

// TestStaffNotifyMails: each of a member's four switches decides, in the recipient
// query, whether the helpdesk's staff mail reaches them: new unassigned tickets,
// customers' replies on their own and on unassigned tickets, and "assigned to you",
// which goes only to a member a colleague gave the ticket to, in that member's
// language. Settings → Helpdesk tells admins when nobody hears of new tickets.
func TestStaffNotifyMails(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		box := &staffMailBox{t: t, env: h.env, seen: map[string]int{}}
		carla := h.env.Staff(h.ten, staff.RoleAgent, "carla@hd.test", "carla-password-1")
		if err := staff.SetLanguage(ctx, h.env.DB, h.ten.ID, carla.ID, "fr"); err != nil {
			t.Fatal(err)
		}
		if err := staff.SetLanguage(ctx, h.env.DB, h.ten.ID, h.agent.ID, "en"); err != nil {
			t.Fatal(err)
		}
		agent, carlaC := h.env.Client("hd.test"), h.env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")
		carlaC.AdminLogin("carla@hd.test", "carla-password-1")
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		set := func(c *apptest.Client, on ...string) {
			t.Helper()
			if r := c.Post("/admin/account/notifications", staffNotifyOn(on...)); r.Status != 303 {
				t.Fatalf("save %v: %d", on, r.Status)
			}
		}
		open := func(title string) int64 {
			t.Helper()
			r := anna.PostMultipart("/tickets", map[string]string{"title": title, "body": "Text of " + title, "priority": "2"})
			if r.Status != 303 || !strings.HasPrefix(r.Location, "/tickets/") {
				t.Fatalf("open %q: %d %.300s", title, r.Status, r.Body)
			}
			id, err := strconv.ParseInt(strings.TrimPrefix(r.Location, "/tickets/"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		reply := func(id int64, text string) {
			t.Helper()
			if r := anna.PostMultipart("/tickets/"+itoa64(id)+"/reply", map[string]string{"body": text}); r.Status != 303 {
				t.Fatalf("reply: %d %.300s", r.Status, r.Body)
			}
		}
		assign := func(c *apptest.Client, id, to int64) {
			t.Helper()
			v := url.Values{"assignee": {""}}
			if to > 0 {
				v.Set("assignee", itoa64(to))
			}
			if r := c.Post("/admin/tickets/"+itoa64(id)+"/assign", v); r.Status != 303 {
				t.Fatalf("assign %d to %d: %d %.300s", id, to, r.Status, r.Body)
			}
		}
		expect := func(step, addr string, n int, want ...string) {
			t.Helper()
			got := box.since(addr)
			if len(got) != n {
				t.Errorf("%s: %s got %d mails, want %d: %q", step, addr, len(got), n, got)
				return
			}
			for _, m := range got {
				for _, w := range want {
					if !strings.Contains(m, w) {
						t.Errorf("%s: mail to %s lacks %q: %.600s", step, addr, w, m)
					}
				}
			}
		}
		staffAddrs := []string{"admin@hd.test", "agent@hd.test", "carla@hd.test"}

		// New tickets: everyone by default; the footer says where to change that.
		t1 := open("Printer offline")
		for _, a := range staffAddrs {
			expect("new ticket, defaults", a, 1, "Printer offline", "/admin/account#notifications")
		}
		set(agent, "replies_mine", "replies_unassigned", "assigned")
		open("Second")
		expect("new ticket, agent off", "agent@hd.test", 0)
		expect("new ticket, agent off", "admin@hd.test", 1, "Second")
		expect("new ticket, agent off", "carla@hd.test", 1, "Second")
		if p := h.staffC.Get("/admin/settings/helpdesk"); strings.Contains(p.Body, "no-new-ticket-mail") {
			t.Errorf("hint while two members get new tickets")
		}
		set(h.staffC, "replies_mine", "replies_unassigned", "assigned")
		set(carlaC, "replies_mine", "replies_unassigned", "assigned")
		t3 := open("Third")
		for _, a := range staffAddrs {
			expect("new ticket, all off", a, 0)
		}
		if p := h.staffC.Get("/admin/settings/helpdesk"); !strings.Contains(p.Body, "Keine Mitarbeitenden erhalten E-Mails zu neuen Tickets") {
			t.Errorf("no hint when nobody gets new tickets: %.1500s", p.Body)
		}
		set(h.staffC, "new_tickets", "replies_mine", "replies_unassigned", "assigned")
		if p := h.staffC.Get("/admin/settings/helpdesk"); strings.Contains(p.Body, "no-new-ticket-mail") {
			t.Errorf("hint stays after the admin switched new tickets on")
		}

		// Replies on an unassigned ticket: whoever wants them.
		set(carlaC, "replies_mine", "assigned")
		reply(t1, "Still broken")
		expect("unassigned reply", "admin@hd.test", 1, "Still broken")
		expect("unassigned reply", "agent@hd.test", 1, "Still broken")
		expect("unassigned reply", "carla@hd.test", 0)

		// The admin gives t1 to the agent: "assigned to you" in English, to the agent only.
		assign(h.staffC, t1, h.agent.ID)
		expect("assigned by a colleague", "agent@hd.test", 1, "Assigned to you: Printer offline", "admin@hd.test has assigned ticket")
		expect("assigned by a colleague", "admin@hd.test", 0)
		expect("assigned by a colleague", "carla@hd.test", 0)
		if tk := staffTicket(t, h.env, h.ten.ID, t1); tk.AssigneeID != h.agent.ID {
			t.Fatalf("not assigned: %d", tk.AssigneeID)
		}
		// Replies on the agent's ticket: the agent only, until they switch that off.
		reply(t1, "Any news?")
		expect("reply on my ticket", "agent@hd.test", 1, "Any news?")
		expect("reply on my ticket", "admin@hd.test", 0)
		set(agent, "replies_unassigned", "assigned")
		reply(t1, "Hello?")
		for _, a := range staffAddrs {
			expect("reply on my ticket, off", a, 0)
		}

		// Taking a ticket oneself, or giving it to nobody, mails no one.
		assign(agent, t3, h.agent.ID)
		assign(agent, t3, 0)
		for _, a := range staffAddrs {
			expect("self-assigned, unassigned", a, 0)
		}
		// A member who switched the mail off does not get it; Carla gets hers in French.
		set(agent, "replies_unassigned")
		assign(h.staffC, t3, h.agent.ID)
		expect("assigned, agent off", "agent@hd.test", 0)
		assign(agent, t3, carla.ID)
		expect("assigned to carla", "carla@hd.test", 1, "Ticket qui vous est attribué\u00a0: Third", "agent@hd.test vous a attribué le ticket")
		for _, a := range []string{"admin@hd.test", "agent@hd.test"} {
			expect("assigned to carla", a, 0)
		}
		// Nothing of this reached the customer.
		for _, m := range box.since("anna@acme.test") {
			if strings.Contains(m, "Assigned to you") || strings.Contains(m, "zugewiesen") {
				t.Errorf("the customer got a staff mail: %.300s", m)
			}
		}
	})
}
