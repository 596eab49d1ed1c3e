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

// inboxForm reads the id of the inbox item a sorting form acts on and the form; an
// unknown id or a tenant without the helpdesk is answered with 404 (ok false).
func (a *Admin) inboxForm(w http.ResponseWriter, r *http.Request, v *visit) (id int64, f web.Form, ok bool) {
	id, ok = web.ID(r, "id")
	if !ok || !usesHelpdesk(v.Tenant) {
		a.env.NotFound(w, r)
		return 0, f, false
	}
	return id, web.ParseForm(w, r), true
}

// sortingOf is how staff sort item id with the sender as typed on form f (names, whether
// to add the mail's domain to the company).
func (a *Admin) sortingOf(r *http.Request, f web.Form, id int64) ticketmail.Sorting {
	return ticketmail.Sorting{ItemID: id, FirstName: f.Get("first_name"), LastName: f.Get("last_name"),
		AddDomain: f.Get("add_domain") == "1", Origin: a.env.Origin(r)}
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
	id, f, ok := a.inboxForm(w, r, v)
	if !ok {
		return
	}
	var ticketID int64
	var err error
	if f.Err == "" {
		s := a.sortingOf(r, f, id)
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
