package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketAssign gives the ticket to a staff member of the tenant, or to nobody.
// Another tenant's staff id is a 404 (ticket.Assign finds no such member).
func (a *Admin) ticketAssign(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	var staffID int64
	if s := f.Get("assignee"); f.Err == "" && s != "" {
		var err error
		if staffID, err = strconv.ParseInt(s, 10, 64); err != nil || staffID <= 0 {
			f.Errors.Add("assignee", "tickets_admin.error.assignee", nil)
		}
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			if err := checkStale(ctx, tx, t, f, v.Member.ID, staleAssignee); err != nil {
				return err // a colleague took or gave the ticket meanwhile
			}
			return assignAndNotify(ctx, tx, t, staffID, c)
		})
		if a.staleAnswer(w, r, v, err, ticketForms{Other: f}, "other", false) {
			return
		}
		if a.afterChange(w, r, id, err, &f, "tickets_admin.assigned") {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Other: f}, http.StatusUnprocessableEntity)
}

// assignAndNotify gives t to staffID (0: nobody) and tells the new assignee; the
// ticket page and the queue's bulk change both assign through it. The same assignee
// again changes nothing.
func assignAndNotify(ctx context.Context, tx *db.Tx, t ticket.Ticket, staffID int64, c change) error {
	if staffID == t.AssigneeID {
		return nil
	}
	if err := ticket.Assign(ctx, tx, t, staffID, c.By, c.Now); err != nil {
		return err
	}
	return c.N.Assigned(ctx, tx, t, staffID, c.By) // "assigned to you", unless taken oneself
}
