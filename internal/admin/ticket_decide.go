package admin

import (
	"context"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// maxDecisionReason bounds the reason of a declined request.
const maxDecisionReason = 1000

// ticketAccept accepts a new ticket (a service request): it moves to "accepted" and
// the contact and followers are told.
func (a *Admin) ticketAccept(w http.ResponseWriter, r *http.Request, v *visit) {
	a.ticketDecide(w, r, v, true)
}

// ticketDecide decides once: when a colleague was quicker, the page says so
// (ticket.ErrDecided) instead of deciding again. A billed ticket is locked: deciding
// would change its status and mail the customer, so it is refused like any change.
func (a *Admin) ticketDecide(w http.ResponseWriter, r *http.Request, v *visit, accept bool) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	reason := ""
	if !accept && f.Err == "" {
		reason = oneNewline(f.Get("reason")) // a textarea sends CRLF line breaks
		f.Errors.Text("reason", reason, true, maxDecisionReason)
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			if err := ticket.Decide(ctx, tx, t, accept, reason, c.By, c.Now); err != nil {
				return err
			}
			return c.N.Decided(ctx, tx, t, accept, reason)
		})
		msg := "tickets_admin.accepted"
		if !accept {
			msg = "tickets_admin.declined"
		}
		if a.afterChange(w, r, id, err, &f, msg) {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Decline: f}, http.StatusUnprocessableEntity)
}
