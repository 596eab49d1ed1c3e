package admin

import (
	"net/http"
)

// ticketDecline declines a new ticket with a reason the contact reads in the portal
// and in the mail.
func (a *Admin) ticketDecline(w http.ResponseWriter, r *http.Request, v *visit) {
	a.ticketDecide(w, r, v, false)
}
