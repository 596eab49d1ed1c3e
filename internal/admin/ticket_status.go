package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketStatus moves the ticket to another of the tenant's statuses and mails the
// contact and followers, each in their language. Billed tickets refuse.
func (a *Admin) ticketStatus(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	statusID, err := strconv.ParseInt(f.Get("status"), 10, 64)
	if f.Err == "" && (err != nil || statusID <= 0) {
		f.Errors.Add("status", "tickets_admin.error.status", nil)
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			// A customer's new message or a colleague's status change may well change
			// the mind about closing.
			if err := checkStale(ctx, tx, t, f, v.Member.ID, staleMessages|staleStatus); err != nil {
				return err
			}
			return setStatusAndNotify(ctx, tx, t, statusID, c)
		})
		if a.staleAnswer(w, r, v, err, ticketForms{Other: f}, "other", false) {
			return
		}
		if a.afterChange(w, r, id, err, &f, "tickets_admin.status_changed") {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Other: f}, http.StatusUnprocessableEntity)
}
