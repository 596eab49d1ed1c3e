package admin

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketBulkDelete deletes the queue's ticked tickets for an admin (ticketBulk checked
// the role and the ticks). The first POST lists the tickets found and how many, to
// confirm; the second (confirm=1) deletes each as the ticket page does, in its own
// transaction with its audit entries, skipping billed ones and those not found
// (unknown, another tenant's, deleted meanwhile). A ticket that went along with one
// merged into earlier in the run counts as deleted.
func (a *Admin) ticketBulkDelete(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, ids []int64, bad int) {
	ctx := r.Context()
	if f.Get("confirm") != "1" {
		var list []ticket.Ticket
		for _, id := range ids {
			t, err := ticket.ForStaff(ctx, a.env.DB, v.P.TenantID, id)
			if isNotFound(err) {
				continue // the tally of the second step would count it; here it is not listed
			}
			if err != nil {
				a.env.Fail(w, r, err)
				return
			}
			list = append(list, t)
		}
		if len(list) > 0 {
			web.Render(w, r, http.StatusOK, ticketBulkDeletePage(v.chrome(r, "ticket_delete.bulk_title"),
				r.URL.RequestURI(), queuePath(r.URL.Query()), list))
			return
		}
	}
	tally := bulkTally{done: "ticket_delete.bulk_deleted"}
	for range bad {
		tally.add(db.ErrNotFound, false)
	}
	gone := map[int64]bool{}
	for _, id := range ids {
		if gone[id] {
			tally.changed++
			continue
		}
		rm, err := a.deleteTicket(r, v, id)
		if !tally.add(err, false) {
			if ctx.Err() != nil {
				return // the client went away; nothing to answer
			}
			a.env.Log.Error("bulk ticket delete", "ticket", id, "err", err)
			tally.stopped = true
			break
		}
		for _, t := range rm.Tickets {
			gone[t.ID] = true
		}
	}
	a.env.FlashParts(w, r, queuePath(r.URL.Query()), tally.parts()...)
}
