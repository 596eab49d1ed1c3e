package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketFollowerRemove stops a contact following the ticket; one who does not follow
// it (or another tenant's) is a 404.
func (a *Admin) ticketFollowerRemove(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	cid, ok := web.ID(r, "contact")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	if f := web.ParseForm(w, r); f.Err != "" {
		a.renderTicket(w, r, v, ticketForms{Correct: f}, http.StatusUnprocessableEntity)
		return
	}
	err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
		if err := ticket.Correctable(ctx, tx, t); err != nil {
			return err
		}
		follows, err := ticket.Follows(ctx, tx, t, cid)
		if err != nil {
			return err
		}
		if !follows {
			return db.ErrNotFound
		}
		if err := ticket.Unfollow(ctx, tx, t, cid); err != nil {
			return err
		}
		return a.followerAudit(ctx, tx, r, v, audit.TicketFollowerRemoved, t.ID, cid, c)
	})
	a.afterChange(w, r, id, err, nil, "qa2_desk.follower_removed")
}
