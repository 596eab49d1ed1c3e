package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// ticketClose closes the ticket on the contact's word; staff see it in the history.
func (p *Portal) ticketClose(w http.ResponseWriter, r *http.Request, v *visit) {
	by := ticket.Actor{ContactID: v.P.ContactID, Name: v.Contact.Name()}
	p.change(w, r, v, func(tx *db.Tx, t ticket.Ticket) error {
		if !mayManage(v, t) { // a follower of a colleague's ticket (ticket_manage.go)
			return db.ErrNotFound
		}
		if err := ticket.Close(r.Context(), tx, t, by, p.env.Now()); err != nil {
			return err
		}
		return p.statusMail(r, v, tx, t, ticket.CodeClosed, by)
	}, "tickets.closed")
}

// statusMail tells the ticket's other contacts its new status (staff see it in the
// queue): the status of code, or the ticket's current one when code is empty.
func (p *Portal) statusMail(r *http.Request, v *visit, tx *db.Tx, t ticket.Ticket, code string, by ticket.Actor) error {
	ctx := r.Context()
	now, err := ticket.ForStaff(ctx, tx, t.TenantID, t.ID)
	if err != nil {
		return err
	}
	if code != "" && now.Status.Code != code {
		return nil
	}
	nt, err := ticket.NewNotifier(ctx, tx, v.Tenant, p.env.Origin(r), p.env.Now())
	if err != nil {
		return err
	}
	return nt.StatusChanged(ctx, tx, now, now.Status, by)
}
