package admin

import (
	"net/http"

	"pforte/internal/ticketmail"
)

// inboxTicketCompany makes a ticket of a mail from a sender of no known company: staff
// name the company, which is created (a company of that name existing already is asked
// about first, as on the company form), the sender becomes its contact and the mail
// its ticket, as "create company" does for a registration. A second submission creates
// nothing and says who was quicker.
func (a *Admin) inboxTicketCompany(w http.ResponseWriter, r *http.Request, v *visit) {
	id, f, ok := a.inboxForm(w, r, v)
	if !ok {
		return
	}
	var ticketID int64
	var err error
	if f.Err == "" && f.Get("same_name_ok") != "1" {
		err = a.inboxSameName(r, v, &f)
	}
	if err == nil && !f.Invalid() {
		s := a.sortingOf(r, f, id)
		ticketID, err = ticketmail.OpenWithNewCompany(r.Context(), a.env.DB, v.Tenant, s, f.Get("company_name"),
			v.sorter(r, a.env), a.env.Now())
	}
	a.inboxAnswer(w, r, v, id, &f, err, "backoffice_qa.company_ticket_created", ticketPath(ticketID))
}
