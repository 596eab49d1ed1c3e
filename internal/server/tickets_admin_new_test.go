package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketsAdminNew: staff open a ticket for a contact of a company; the contact
// must belong to the company; bad input keeps what was typed; the contact gets the
// confirmation; the ticket starts accepted.
func TestTicketsAdminNew(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		if r := h.staffC.Get("/admin/tickets/new?cq=acme"); r.Status != 200 || !strings.Contains(r.Body, "Acme AG") || strings.Contains(r.Body, "Beta KG") {
			t.Fatalf("company search: %d", r.Status)
		}
		r := h.staffC.Get("/admin/tickets/new?company=" + itoa64(h.acme.ID))
		if r.Status != 200 || !strings.Contains(r.Body, "anna@acme.test") || strings.Contains(r.Body, "clara@beta.test") {
			t.Fatalf("form for Acme: %d", r.Status)
		}
		form := func(contactID int64, title, body, priority string) url.Values {
			return url.Values{"company_id": {itoa64(h.acme.ID)}, "contact_id": {itoa64(contactID)}, "title": {title},
				"body": {body}, "priority": {priority}, "location": {"Floor 2"}}
		}
		for name, f := range map[string]url.Values{
			"other company's contact": form(h.clara.ID, "KEEP title", "text", "2"),
			"no title":                form(h.anna.ID, "", "KEEP body", "2"),
			"no body":                 form(h.anna.ID, "KEEP title", "", "2"),
			"bad priority":            form(h.anna.ID, "KEEP title", "text", "7"),
		} {
			r := h.staffC.Post("/admin/tickets", f)
			if r.Status != 422 || !strings.Contains(r.Body, "KEEP") || !strings.Contains(r.Body, `value="Floor 2"`) {
				t.Errorf("%s: %d", name, r.Status)
			}
		}
		if n := count(t, h.env, `SELECT COUNT(*) FROM tickets`); n != 0 {
			t.Fatalf("%d tickets after bad input", n)
		}
		r = h.staffC.Post("/admin/tickets", form(h.anna.ID, "Phone call: printer", "Customer called about the printer.", "3"))
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/tickets/") {
			t.Fatalf("create: %d %.300s", r.Status, r.Body)
		}
		var id int64
		h.env.DB.QueryRow(t.Context(), `SELECT id FROM tickets`).Scan(&id)
		d := staffTicket(t, h.env, h.ten.ID, id)
		if d.ContactID != h.anna.ID || d.CompanyID != h.acme.ID || d.Priority != ticket.PriorityHigh || d.Via != "staff" ||
			d.Location != "Floor 2" || d.Messages[0].StaffID != h.admin.ID {
			t.Errorf("created: %+v", d.Ticket)
		}
		// Staff do not accept their own work: it starts accepted, not among the requests.
		if d.RequestState != ticket.RequestAccepted || d.Status.Code != ticket.CodeAccepted {
			t.Errorf("staff ticket is %s in %s", d.RequestState, d.Status.Code)
		}
		if r := h.staffC.Get("/admin/tickets?pending=1"); strings.Contains(r.Body, "Phone call: printer") {
			t.Error("staff ticket listed as a request to decide")
		}
		if langs := mailLangs(t, mailsFor(t, h.env, id)); langs["anna@acme.test"] != "en" {
			t.Errorf("no confirmation to the contact: %v", langs)
		}
		staffOpenedMails(t, h)
	})
}

// staffOpenedMails: a ticket staff open for a plain user tells the main contact who
// asked for company mail that the staff member opened it (not the user), tells the
// other staff that the staff member opened it for the user, and does not mail the
// staff member about their own work.
func staffOpenedMails(t *testing.T, h *helpdesk) {
	t.Helper()
	if _, err := h.env.DB.Exec(t.Context(), `UPDATE contacts SET notify_company = TRUE WHERE id = ?`, h.anna.ID); err != nil {
		t.Fatal(err)
	}
	r := h.staffC.Post("/admin/tickets", url.Values{"company_id": {itoa64(h.acme.ID)}, "contact_id": {itoa64(h.bernd.ID)},
		"title": {"Phone call: scanner"}, "body": {"Bernd called about the scanner."}, "priority": {"2"}})
	if r.Status != 303 {
		t.Fatalf("create for bernd: %d", r.Status)
	}
	var id int64
	h.env.DB.QueryRow(t.Context(), `SELECT MAX(id) FROM tickets`).Scan(&id)
	to := map[string]string{}
	for _, m := range mailsFor(t, h.env, id) {
		to[strings.TrimPrefix(strings.SplitN(m, "\n", 2)[0], "To: ")] = m
	}
	if _, ok := to["admin@hd.test"]; ok {
		t.Error("the staff member who opened the ticket was mailed about it")
	}
	// Staff read German: the colleague opened it, for the customer (not "bernd of Acme").
	if m := to["agent@hd.test"]; !strings.Contains(m, "admin@hd.test hat das Ticket #"+itoa64(id)+" für Test bernd@acme.test (Acme AG) eröffnet:") ||
		strings.Contains(m, "von Acme AG hat das Ticket") {
		t.Errorf("staff mail does not say the colleague opened it for the customer: %.400s", m)
	}
	if m := to["anna@acme.test"]; !strings.Contains(m, "admin@hd.test has opened ticket") {
		t.Errorf("company mail does not name the staff member who opened it: %.400s", m)
	}
	if _, ok := to["bernd@acme.test"]; !ok {
		t.Error("no confirmation to bernd")
	}
}
