package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketMove gives the ticket another opener: a contact of its company, or of the
// company the move page chose (company_id). A contact not in that company, or a
// company of another tenant, is a field error at the contact; the page comes back
// with the choice as sent. Audited: it changes which contacts see the ticket.
func (a *Admin) ticketMove(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	contactID, _ := strconv.ParseInt(f.Get("contact"), 10, 64)
	companyID, _ := strconv.ParseInt(f.Get("company_id"), 10, 64)
	if f.Err == "" && contactID <= 0 {
		f.Errors.Add("contact", "qa2_desk.error.contact_required", nil)
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			to := companyID
			if to == 0 {
				to = t.CompanyID
			}
			if to != t.CompanyID { // nothing new is filed under an archived company
				if err := company.RequireLive(ctx, tx, v.P.TenantID, to); errors.Is(err, company.ErrArchived) {
					return validate.Errors{"contact": {ID: "company_archive.refused"}}
				}
			}
			moved, err := ticket.Move(ctx, tx, t, to, contactID, c.By, c.Now)
			if err != nil || !moved {
				return moveErrors(err) // nothing to move: nothing to audit
			}
			by := v.actor(r, a.env)
			what := audit.MovedTarget(t.ID, t.CompanyID, to, t.ContactID, contactID)
			return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.TicketMoved, what, by.IP, c.Now)
		})
		if a.afterChange(w, r, id, err, &f, "qa2_desk.moved") {
			return
		}
	}
	if companyID > 0 { // chosen on the move page: back there with the error
		a.renderMove(w, r, v, id, f, http.StatusUnprocessableEntity)
		return
	}
	a.renderTicket(w, r, v, ticketForms{Correct: f}, http.StatusUnprocessableEntity)
}

// moveErrors turns the move's refusals that concern the choice into field errors.
func moveErrors(err error) error {
	switch {
	case errors.Is(err, ticket.ErrNotMember):
		return validate.Errors{"contact": {ID: "qa2_desk.error.not_member"}}
	case errors.Is(err, ticket.ErrHasMerged):
		return validate.Errors{"contact": {ID: "qa2_desk.error.has_merged"}}
	}
	return err
}
