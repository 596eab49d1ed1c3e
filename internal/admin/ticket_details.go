package admin

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketDetails changes priority and category. A category must be an active one of
// the tenant (another tenant's id is a 404); the ticket's retired category may stay.
func (a *Admin) ticketDetails(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	var priority int
	var categoryID int64
	if f.Err == "" {
		var err error
		if priority, err = strconv.Atoi(f.Get("priority")); err != nil || !slices.Contains(ticket.Priorities, priority) {
			f.Errors.Add("priority", "tickets_admin.error.priority", nil)
		}
		if s := f.Get("category"); s != "" {
			if categoryID, err = strconv.ParseInt(s, 10, 64); err != nil || categoryID <= 0 {
				f.Errors.Add("category", "tickets_admin.error.category", nil)
			}
		}
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			return ticket.SetDetails(ctx, tx, t, priority, categoryID, c.By, c.Now)
		})
		if a.afterChange(w, r, id, err, &f, "tickets_admin.details_saved") {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Other: f}, http.StatusUnprocessableEntity)
}
