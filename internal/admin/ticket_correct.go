package admin

import (
	"context"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketSubject corrects the ticket's subject (a customer's "Help!!" becomes what the
// problem is). The history keeps the subject before.
func (a *Admin) ticketSubject(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	title := validate.OneLine(f.Get("title"))
	if f.Err == "" {
		f.Errors.Text("title", title, true, maxTicketTitle)
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			_, err := ticket.Retitle(ctx, tx, t, title, c.By, c.Now)
			return err
		})
		if a.afterChange(w, r, id, err, &f, "qa2_desk.subject_changed") {
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Correct: f}, http.StatusUnprocessableEntity)
}
