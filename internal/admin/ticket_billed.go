package admin

import (
	"context"
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketBilled sets or clears the billed flag. A billed ticket is locked for the
// customer and for changes here; clearing the flag is how an admin unlocks it
// (errUnbillAdmin for an agent). Only a resolved or closed ticket is billed (422
// otherwise).
func (a *Admin) ticketBilled(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err != "" {
		a.renderTicket(w, r, v, ticketForms{Other: f}, http.StatusUnprocessableEntity)
		return
	}
	billed := f.Get("billed") == "1"
	err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
		if t.Billed == billed {
			return nil
		}
		// Billed work is invoiced: unlocking it would let its time and status change
		// under the invoice, so only an admin takes the mark off (as only an admin
		// deletes a ticket); an agent marks finished work as billed.
		if !billed && !v.Member.IsAdmin() {
			return errUnbillAdmin
		}
		// Only finished work is billed: the lock would freeze a problem still being
		// worked on, and the customer could no longer answer it.
		if billed && !t.Done() {
			return ticket.ErrNotClosed
		}
		return ticket.SetBilled(ctx, tx, t, billed, c.By, c.Now)
	})
	if errors.Is(err, errUnbillAdmin) { // a page from before, or a hand-made form
		a.env.FlashError(w, r, "tback_fix.unbill_admin_only", ticketPath(id))
		return
	}
	if errors.Is(err, ticket.ErrNotClosed) {
		f.Err = "qa2_desk.error.bill_open"
		a.renderTicket(w, r, v, ticketForms{Other: f}, http.StatusUnprocessableEntity)
		return
	}
	msg := "tickets_admin.billed_set"
	if !billed {
		msg = "tickets_admin.billed_unset"
	}
	a.afterChange(w, r, id, err, nil, msg)
}

// errUnbillAdmin: an agent tried to take the billed mark off, which only admins do.
var errUnbillAdmin = errors.New("admin: only an admin removes the billed mark")
