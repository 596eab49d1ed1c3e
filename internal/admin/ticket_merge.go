package admin

import (
	"context"
	"errors"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketMerge merges the ticket of the path into another of the same company, named
// by its number ("#123" or "123"): a customer who wrote twice about one problem gets
// one conversation. The first POST checks the number and shows both tickets to
// confirm; the second (confirm=1) merges, tells the source's contacts by mail, writes
// the audit log and opens the target. A number of another company or tenant reads
// exactly like one that does not exist.
func (a *Admin) ticketMerge(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	source, err := ticket.ForStaff(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err) // another tenant's ticket: 404
		return
	}
	if source.Billed || source.MergedInto > 0 { // its page offers no merge: back with the rule that says why
		a.afterChange(w, r, id, sourceLocked(source), nil, "")
		return
	}
	f := web.ParseForm(w, r)
	targetID := mergeNumber(&f)
	var target ticket.Ticket
	if !f.Invalid() {
		target, err = ticket.MergeTarget(ctx, a.env.DB, source, targetID)
		if err != nil && !f.Take(mergeErrors(source, err)) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() && f.Get("confirm") != "1" {
		web.Render(w, r, http.StatusOK, ticketMergeConfirm(v.chrome(r, "ticket_merge.confirm_title"), source, target))
		return
	}
	if !f.Invalid() {
		err := a.changeTicket(r, v, id, func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error {
			return a.mergeStep(ctx, tx, r, v, t, targetID, c)
		})
		if err == nil {
			a.env.WakeWorker()
			a.env.Flash(w, r, "ticket_merge.merged", ticketPath(targetID))
			return
		}
		if !f.Take(err) { // the source was merged or billed meanwhile, or a failure
			a.afterChange(w, r, id, err, nil, "")
			return
		}
	}
	a.renderTicket(w, r, v, ticketForms{Merge: f}, http.StatusUnprocessableEntity)
}

// mergeStep merges source into target inside the transaction, with the rules checked
// again on both tickets as they are now; a rule that refuses is a field error.
func (a *Admin) mergeStep(ctx context.Context, tx *db.Tx, r *http.Request, v *visit, source ticket.Ticket, targetID int64, c change) error {
	target, err := ticket.MergeTarget(ctx, tx, source, targetID)
	if err == nil {
		err = ticket.Merge(ctx, tx, source, target, c.By, c.Now)
	}
	if err != nil {
		return mergeErrors(source, err)
	}
	if err := c.N.Merged(ctx, tx, source, target); err != nil {
		return err
	}
	by := v.actor(r, a.env)
	what := audit.MergeTarget(source.ID, target.ID, source.CompanyID, source.Title, target.Title, source.CompanyName)
	return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.TicketMerged, what, by.IP, c.Now)
}

// mergeNumber reads the target's number from the form; empty or not a number is a
// field error.
func mergeNumber(f *web.Form) int64 {
	if f.Err != "" {
		return 0
	}
	s := f.Get("target")
	if s == "" {
		f.Errors.Add("target", "ticket_merge.error.required", nil)
		return 0
	}
	n, ok := ticketNumber(s)
	if !ok {
		f.Errors.Add("target", "ticket_merge.error.number", nil)
		return 0
	}
	return n
}

// mergeErrors turns a refusal of the merge rules that concerns the number into a field
// error; anything else, and a refusal because of source itself, stays as it is. Another
// company's or tenant's ticket is the same "no such ticket" as a number nobody has.
func mergeErrors(source ticket.Ticket, err error) error {
	id := ""
	switch {
	case source.Billed || source.MergedInto > 0:
		return sourceLocked(source)
	case errors.Is(err, db.ErrNotFound):
		id = "ticket_merge.error.not_found"
	case errors.Is(err, ticket.ErrMergeSame):
		id = "ticket_merge.error.same"
	case errors.Is(err, ticket.ErrMerged):
		id = "ticket_merge.error.target_merged"
	case errors.Is(err, ticket.ErrBilled):
		id = "ticket_merge.error.target_billed"
	default:
		return err
	}
	return validate.Errors{"target": {ID: id}}
}

// sourceLocked is the rule that keeps a billed or merged ticket from being merged.
func sourceLocked(source ticket.Ticket) error {
	if source.Billed {
		return ticket.ErrBilled
	}
	return ticket.ErrMerged
}
