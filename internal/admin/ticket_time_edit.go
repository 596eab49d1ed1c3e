package admin

import (
	"net/http"

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
