package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketFollowerAdd lets a contact of the ticket's company with portal access follow
// it: they see it in the portal and get its mails. Anyone else is a field error (a
// contact of another tenant a 404, like its id anywhere). Audited: it changes who
// sees the ticket.
func (a *Admin) ticketFollowerAdd(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	cid, _ := strconv.ParseInt(f.Get("follower"), 10, 64)
	if f.Err == "" && cid <= 0 {
		f.Errors.Add("follower", "qa2_desk.error.follower_required", nil)
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			if err := ticket.Correctable(ctx, tx, t); err != nil {
				return err
			}
			if _, err := contact.Get(ctx, tx, t.TenantID, cid); err != nil {
				return err // another tenant's contact: db.ErrNotFound
			}
			if cid == t.ContactID {
				return validate.Errors{"follower": {ID: "qa2_desk.error.opener_follows"}}
			}
			err := ticket.Follow(ctx, tx, t, cid, c.By.Name, 0, c.By.StaffID, c.Now)
			if errors.Is(err, ticket.ErrNotFollower) {
				return validate.Errors{"follower": {ID: "qa2_desk.error.not_member"}}
			} else if err != nil {
				return err
			}
			return a.followerAudit(ctx, tx, r, v, audit.TicketFollowerAdded, t.ID, cid, c)
		})
		if a.afterChange(w, r, id, err, &f, "qa2_desk.follower_added") {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Correct: f}, http.StatusUnprocessableEntity)
}

func (a *Admin) followerAudit(ctx context.Context, tx *db.Tx, r *http.Request, v *visit, action string, ticketID, contactID int64, c change) error {
	by := v.actor(r, a.env)
	return audit.Log(ctx, tx, v.P.TenantID, by.Label, action, audit.FollowerTarget(ticketID, contactID), by.IP, c.Now)
}
