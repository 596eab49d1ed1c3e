package admin

import (
	"errors"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// helpdeskAdmin admits admins to a helpdesk page; for an agent it does not exist, as
// for every admin-only page (adminOnly).
func (a *Admin) helpdeskAdmin(h handler) http.HandlerFunc {
	return a.helpdesk(func(w http.ResponseWriter, r *http.Request, v *visit) {
		if !v.Member.IsAdmin() {
			a.env.NotFound(w, r)
			return
		}
		h(w, r, v)
	})
}

func (a *Admin) renderTicketDelete(w http.ResponseWriter, r *http.Request, v *visit, rm ticket.Removal, status int) {
	web.Render(w, r, status, ticketDeletePage(v.chrome(r, "ticket_delete.confirm_title"), rm))
}

// ticketDelete deletes the ticket for good (spam, a test) with what ticket.Delete takes
// along, and opens the queue. A ticket billed meanwhile shows the confirmation again
// with the reason (409).
func (a *Admin) ticketDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	_, err := a.deleteTicket(r, v, id)
	if errors.Is(err, ticket.ErrBilled) {
		rm, err := ticket.RemovalOf(r.Context(), a.env.DB, v.P.TenantID, id)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		a.renderTicketDelete(w, r, v, rm, http.StatusConflict)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err) // deleted meanwhile, or another tenant's: 404
		return
	}
	a.env.Flash(w, r, "ticket_delete.deleted", "/admin/tickets")
}

// deleteTicket deletes ticket id with the tickets merged into it in one transaction,
// an audit entry for each, and then their stored files. A file that cannot be removed
// is only logged: nothing refers to it any more.
func (a *Admin) deleteTicket(r *http.Request, v *visit, id int64) (ticket.Removal, error) {
	ctx := r.Context()
	var rm ticket.Removal
	var keys []string
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		by, now := v.actor(r, a.env), a.env.Now()
		var err error
		if rm, keys, err = ticket.Delete(ctx, tx, v.P.TenantID, id, now); err != nil {
			return err
		}
		for _, t := range rm.Tickets {
			what := audit.DeletedTicketTarget(t.ID, t.CompanyID, t.Title, t.CompanyName)
			if err := audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.TicketDeleted, what, by.IP, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ticket.Removal{}, err
	}
	for _, k := range keys {
		if err := a.env.Files.Delete(k); err != nil {
			a.env.Log.Warn("ticket: delete file", "key", k, "err", err)
		}
	}
	return rm, nil
}
