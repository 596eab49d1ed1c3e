package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/ticket"
)

// ticketTimeDelete deletes a time entry (agents their own, admins any) and notes it,
// with its minutes, in the audit log. A billed ticket keeps its entries; another
// tenant's ticket or entry is a 404.
func (a *Admin) ticketTimeDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	tv, ok := a.loadTimeEntry(w, r, v)
	if !ok {
		return
	}
	err := a.changeTicket(r, v, tv.Ticket.ID, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
		e, err := ticket.TimeEntryOf(ctx, tx, t.TenantID, t.ID, tv.Entry.ID)
		if err != nil {
			return err
		}
		if err := ticket.DeleteTime(ctx, tx, t, e, v.Member.ID, v.Member.IsAdmin()); err != nil {
			return err
		}
		what := timeAuditTarget(t, e) + ": " + strconv.Itoa(e.Minutes) + " → 0 min"
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.TicketTimeDeleted, what, by.IP, c.Now)
	})
	if msg := timeFailed(err); msg != "" {
		a.env.FlashError(w, r, msg, ticketPath(tv.Ticket.ID))
		return
	}
	a.afterChange(w, r, tv.Ticket.ID, err, nil, "time_tracking.deleted")
}
