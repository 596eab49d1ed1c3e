package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// ticketReopen brings a resolved or closed ticket back, unless the provider forbids it.
func (p *Portal) ticketReopen(w http.ResponseWriter, r *http.Request, v *visit) {
	by := ticket.Actor{ContactID: v.P.ContactID, Name: v.Contact.Name()}
	p.change(w, r, v, func(tx *db.Tx, t ticket.Ticket) error {
		if !mayManage(v, t) { // a follower of a colleague's ticket (ticket_manage.go)
			return db.ErrNotFound
		}
		rules, err := tenant.GetTicketRules(r.Context(), tx, v.P.TenantID)
		if err != nil {
			return err
		}
		// As it is now: the button clicked twice reopens once (ticket_lock.go).
		if t, err = lockedTicket(r.Context(), tx, v.P, t.ID); err != nil {
			return err
		}
		if err := ticket.Reopen(r.Context(), tx, t, rules.Reopen, by, p.env.Now()); err != nil {
			return err
		}
		return p.statusMail(r, v, tx, t, "", by)
	}, "tickets.reopened")
}
