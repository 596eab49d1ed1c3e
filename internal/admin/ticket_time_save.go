package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketTimeSave changes a time entry and notes the change (old → new minutes) in the
// audit log. Bad input shows the form again with the messages and what was typed.
func (a *Admin) ticketTimeSave(w http.ResponseWriter, r *http.Request, v *visit) {
	tv, ok := a.loadTimeEntry(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	var in ticket.TimeInput
	if f.Err == "" {
		in = timeLogInput(f, a.env.Now(), v.Tenant.Location())
	}
	if f.Invalid() {
		a.renderTimeEdit(w, r, v, tv, f, http.StatusUnprocessableEntity)
		return
	}
	err := a.changeTicket(r, v, tv.Ticket.ID, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
		e, err := ticket.TimeEntryOf(ctx, tx, t.TenantID, t.ID, tv.Entry.ID) // as it is now
		if err != nil {
			return err
		}
		if err := ticket.UpdateTime(ctx, tx, t, e, v.Member.ID, v.Member.IsAdmin(), in, c.Now); err != nil {
			return err
		}
		what := timeAuditTarget(t, e) + ": " + strconv.Itoa(e.Minutes) + " → " + strconv.Itoa(in.Minutes) + " min"
		if e.Billable != in.Billable {
			what += ", billable " + strconv.FormatBool(e.Billable) + " → " + strconv.FormatBool(in.Billable)
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.TicketTimeChanged, what, by.IP, c.Now)
	})
	if msg := timeFailed(err); msg != "" {
		a.env.FlashError(w, r, msg, ticketPath(tv.Ticket.ID))
		return
	}
	a.afterChange(w, r, tv.Ticket.ID, err, nil, "time_tracking.saved")
}
