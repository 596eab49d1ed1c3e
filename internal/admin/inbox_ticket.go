package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/ticketmail"
	"pforte/internal/web"
)

// sorter is the staff member sorting an inbox mail into the helpdesk.
func (v *visit) sorter(r *http.Request, env *web.Env) ticketmail.Staff {
	d := v.decider(r, env)
	return ticketmail.Staff{ID: v.Member.ID, Name: v.Member.Name, By: d.By, Actor: d.Actor.Label, IP: d.Actor.IP}
}

// formID reads an id field: empty is 0 (nothing chosen), anything but a positive number
// is no id of this tenant (ok false).
func formID(f web.Form, name string) (int64, bool) {
	s := f.Get(name)
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// inboxTicket makes a ticket of a mail item for the chosen company and contact (or the
// sender as a new contact) and opens the ticket. Errors keep what was typed; a second
// submission creates nothing and says who was quicker.
func (a *Admin) inboxTicket(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok || !usesHelpdesk(v.Tenant) {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	var ticketID int64
	var err error
	if f.Err == "" {
		s := ticketmail.Sorting{ItemID: id, FirstName: f.Get("first_name"), LastName: f.Get("last_name"),
			AddDomain: f.Get("add_domain") == "1", Origin: a.env.Origin(r)}
		var okCo, okCt bool
		s.CompanyID, okCo = formID(f, "company_id")
		if f.Get("contact_id") != "new" {
			s.ContactID, okCt = formID(f, "contact_id")
		} else {
			okCt = true
		}
		if !okCo || !okCt {
			a.env.NotFound(w, r)
			return
		}
		ticketID, err = ticketmail.OpenFromInbox(r.Context(), a.env.DB, v.Tenant, s, v.sorter(r, a.env), a.env.Now())
	}
	a.inboxAnswer(w, r, v, id, &f, err, "inbox_actions.ticket_created", ticketPath(ticketID))
}
