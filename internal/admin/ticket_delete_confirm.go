package admin

import (
	"net/http"

	"pforte/internal/ticket"
)

// ticketDeleteConfirm names the ticket an admin is about to delete — number, title,
// company, how many messages and files, the tickets merged into it that go along —
// and asks once more. A billed ticket's page says why it cannot be deleted instead.
func (a *Admin) ticketDeleteConfirm(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	rm, err := ticket.RemovalOf(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err) // another tenant's ticket: 404
		return
	}
	a.renderTicketDelete(w, r, v, rm, http.StatusOK)
}
