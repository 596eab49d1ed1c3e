package admin

import (
	"context"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketTimeAdd logs time spent on the ticket without a message (a call, work on site).
// Bad input shows the page again with the message at the field and what was typed
// kept; a billed ticket refuses with its message; another tenant's ticket is a 404.
func (a *Admin) ticketTimeAdd(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	var in ticket.TimeInput
	if f.Err == "" {
		in = timeLogInput(f, a.env.Now(), v.Tenant.Location())
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			_, err := ticket.AddTime(ctx, tx, t, v.Member.ID, in, c.Now)
			return err
		})
		if msg := timeFailed(err); msg != "" {
			a.env.FlashError(w, r, msg, ticketPath(id))
			return
		}
		if a.afterChange(w, r, id, err, &f, "time_tracking.logged") {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Time: f}, http.StatusUnprocessableEntity)
}
