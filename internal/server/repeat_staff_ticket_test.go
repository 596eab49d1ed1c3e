package server_test

import (
	"maps"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestRepeatedStaffTicket: the agent's new ticket for Alice sent a second time (a
// double click on "create", the form sent again) lands on the first ticket, saying it
// had been sent already; no second ticket is opened and no mail added. The same text
// for Uwe, another text for Alice, and the same ticket by a colleague are tickets of
// their own. A ticket with a kept file sent twice (the file goes with the first) is a
// repeat too.
func TestRepeatedStaffTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		form := func(contact int64, body string) url.Values {
			return url.Values{"company_id": {itoa64(d.a.ID)}, "contact_id": {itoa64(contact)}, "title": {"Drucker im Flur"},
				"body": {body}, "priority": {"2"}, "assignee": {itoa64(d.admin.ID)}}
		}
		create := func(c *apptest.Client, f url.Values) int64 {
			t.Helper()
			r := c.Post("/admin/tickets", f)
			if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets/") {
				t.Fatalf("create: %d %q %.400s", r.Status, r.Location, r.Body)
			}
			return idAfter(t, r.Location, "/admin/tickets/")
		}
		alice := form(d.alice, "Alice meldet: er druckt leere Seiten.")
		first := create(agent, alice)
		msgs, mails := d.counts(t, first)
		if mails == 0 {
			t.Fatalf("the first ticket queued no mail")
		}
		r := agent.Post("/admin/tickets", alice)
		if r.Status != 303 || r.Location != "/admin/tickets/"+itoa64(first) {
			t.Fatalf("the same ticket again: %d %q, want ticket %d", r.Status, r.Location, first)
		}
		if page := agent.Get(r.Location).Body; !strings.Contains(page, repeatedTicketDE) {
			t.Fatalf("the first ticket's page does not say it was sent already")
		}
		if m, n := d.counts(t, first); m != msgs || n != mails || d.tickets(t) != 1 {
			t.Fatalf("the ticket sent again: %d tickets, %d messages, %d mails (had 1, %d, %d)", d.tickets(t), m, n, msgs, mails)
		}

		d.env.Staff(d.t, staff.RoleAgent, "kollege@desk.test", "kollege-password")
		colleague := d.env.Client("desk.test")
		colleague.AdminLogin("kollege@desk.test", "kollege-password")
		for _, c := range []struct {
			what string
			by   *apptest.Client
			form url.Values
		}{{"the same text for Uwe", agent, form(d.uwe, "Alice meldet: er druckt leere Seiten.")},
			{"another text for Alice", agent, form(d.alice, "Alice meldet: er druckt gar nicht.")},
			{"a colleague's", colleague, alice},
			{"the same text for another device", agent, otherAsset(alice)}} {
			if id := create(c.by, c.form); id == first {
				t.Fatalf("%s went to the first ticket", c.what)
			}
		}
		if n := d.tickets(t); n != 5 {
			t.Fatalf("%d tickets, want 5", n)
		}

		// Refused (no title) with a file, then sent twice with its kept file: the second
		// is a repeat of the first, without "not sent" for the file the first took.
		k := newKeptDesk(t, d)
		printer := form(d.alice, "Der Drucker zieht kein Papier ein.")
		printer.Set("title", "")
		r = agent.PostMultipartValues("/admin/tickets", printer, k.pdfFile("bericht.pdf"))
		if r.Status != 422 || len(keptListed(r.Body)) != 1 {
			t.Fatalf("refused with a file: %d, listed %v", r.Status, keptListed(r.Body))
		}
		printer["title"], printer["staged"] = []string{"Drucker"}, keptListed(r.Body)
		key := k.keyOf(t, printer["staged"][0])
		id := create(agent, printer)
		r = agent.PostMultipartValues("/admin/tickets", printer)
		if r.Status != 303 || r.Location != "/admin/tickets/"+itoa64(id) {
			t.Fatalf("sent again with its kept file: %d %q, want ticket %d", r.Status, r.Location, id)
		}
		page := agent.Get(r.Location).Body
		if !strings.Contains(page, repeatedTicketDE) || strings.Contains(page, "nicht mehr vorhanden") {
			t.Fatalf("the repeat's flash is not the plain 'sent already'")
		}
		if names, uses := k.attached(t, id, key); len(names) != 1 || uses != 1 || d.tickets(t) != 6 {
			t.Fatalf("the kept file: %v, %d uses; %d tickets", names, uses, d.tickets(t))
		}
	})
}

// otherAsset is a copy of f naming another device.
func otherAsset(f url.Values) url.Values {
	g := maps.Clone(f)
	g.Set("asset", "Drucker 2. OG")
	return g
}
