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

// timeEditView is the page that changes one time entry of a ticket.
type timeEditView struct {
	Ticket ticket.Ticket
	Entry  ticket.TimeEntry
}

// ticketTimeEditForm shows the form that changes a time entry: agents their own,
// admins any. Another tenant's ticket or an entry of another ticket is a 404; a
// billed ticket or a colleague's entry goes back to the ticket with the reason.
func (a *Admin) ticketTimeEditForm(w http.ResponseWriter, r *http.Request, v *visit) {
	tv, ok := a.loadTimeEntry(w, r, v)
	if !ok {
		return
	}
	a.renderTimeEdit(w, r, v, tv, timeEntryForm(tv.Entry), http.StatusOK)
}

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

// loadTimeEntry reads the path's ticket and entry for staff who may change it. ok is
// false when an answer was written: a 404 for ids of another tenant or ticket, the
// ticket with the reason for a billed ticket or a colleague's entry.
func (a *Admin) loadTimeEntry(w http.ResponseWriter, r *http.Request, v *visit) (timeEditView, bool) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return timeEditView{}, false
	}
	entryID, ok := web.ID(r, "entry")
	if !ok {
		a.env.NotFound(w, r)
		return timeEditView{}, false
	}
	ctx := r.Context()
	t, err := ticket.ForStaff(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return timeEditView{}, false
	}
	e, err := ticket.TimeEntryOf(ctx, a.env.DB, v.P.TenantID, t.ID, entryID)
	if err != nil {
		a.env.Fail(w, r, err)
		return timeEditView{}, false
	}
	if t.Billed || t.MergedInto > 0 || !e.EditableBy(v.Member.ID, v.Member.IsAdmin()) {
		err := ticket.ErrTimeNotYours
		if t.Billed {
			err = ticket.ErrBilled
		} else if t.MergedInto > 0 {
			err = ticket.ErrMerged
		}
		a.env.FlashError(w, r, timeFailed(err), ticketPath(t.ID))
		return timeEditView{}, false
	}
	return timeEditView{Ticket: t, Entry: e}, true
}

func (a *Admin) renderTimeEdit(w http.ResponseWriter, r *http.Request, v *visit, tv timeEditView, f web.Form, status int) {
	c := v.chrome(r, "time_tracking.edit_title")
	web.Render(w, r, status, ticketTimeEditPage(c, tv, f))
}

// timeAuditTarget names an entry in the audit log: the ticket, whose entry, which day.
func timeAuditTarget(t ticket.Ticket, e ticket.TimeEntry) string {
	return ticketNo(t.ID) + " “" + t.Title + "”, time of " + e.StaffName + " on " + e.Date
}
