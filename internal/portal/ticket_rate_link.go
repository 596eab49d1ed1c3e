package portal

import "net/http"

// ticketRateLink is where the mail's rating link leads: the ticket's page at its rating
// card. A mail link with the fragment itself would lose it on the way through the
// login page (the form's redirect carries no fragment); this path survives as the
// login's next page and adds the fragment only then. A ticket the contact cannot see
// is the 404 page, as everywhere.
func (p *Portal) ticketRateLink(w http.ResponseWriter, r *http.Request, v *visit) {
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	if v.flash != "" { // e.g. the company switched on the way here: say so on the ticket
		p.env.FlashNext(w, r, v.flash)
	}
	http.Redirect(w, r, ticketURL(t.ID, "#rate"), http.StatusSeeOther)
}
