package admin

import (
	"context"
	"errors"
	"net/http"
	"time"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// change is what one step on a ticket needs besides the ticket: who acts, when, and
// the notifier that queues mails in the step's transaction.
type change struct {
	By  ticket.Actor
	Now time.Time
	N   ticket.Notifier
}

// ticketStep is one change of a ticket inside a transaction.
type ticketStep func(ctx context.Context, tx *db.Tx, t ticket.Ticket, c change) error

// changeTicket runs step in a transaction on the ticket as it is now (loaded inside
// the transaction, so the rules see any change made a moment ago by someone else).
// Another tenant's or a missing ticket is db.ErrNotFound.
func (a *Admin) changeTicket(r *http.Request, v *visit, id int64, step ticketStep) error {
	ctx, now := r.Context(), a.env.Now()
	return a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		t, err := ticket.ForStaff(ctx, tx, v.P.TenantID, id)
		if err != nil {
			return err
		}
		n, err := ticket.NewNotifier(ctx, tx, v.Tenant, a.env.Origin(r), now)
		if err != nil {
			return err
		}
		return step(ctx, tx, t, change{By: ticket.Actor{StaffID: v.Member.ID, Name: v.Member.Name}, Now: now, N: n})
	})
}

// afterChange answers a change and reports whether it did. Success wakes the mail
// worker and goes back to the ticket with okMsg; a rule that refused (billed, already
// decided) goes back with its message, shown as an error; field errors are left on f
// for the caller to show with 422 (false); anything else is the error page (404 for
// foreign ids).
func (a *Admin) afterChange(w http.ResponseWriter, r *http.Request, id int64, err error, f *web.Form, okMsg string) bool {
	back := ticketPath(id)
	switch {
	case err == nil:
		a.env.WakeWorker()
		a.env.Flash(w, r, okMsg, back)
	case errors.Is(err, ticket.ErrBilled):
		a.env.FlashError(w, r, "tickets_admin.billed_failed", back)
	case errors.Is(err, ticket.ErrDecided):
		a.env.FlashError(w, r, "tickets_admin.decided_failed", back)
	case errors.Is(err, ticket.ErrDoneUndecided):
		a.env.FlashError(w, r, "tback_fix.decide_done", back)
	case errors.Is(err, ticket.ErrMerged):
		a.env.FlashError(w, r, "ticket_merge.merged_failed", back)
	case f != nil && errors.Is(err, ticket.ErrStatusInactive):
		f.Errors.Add("status", "tickets_admin.error.status_inactive", nil)
		return false
	case f != nil && errors.Is(err, ticket.ErrAssigneeInvited): // before ErrAssigneeInactive, which it is too
		f.Errors.Add("assignee", "tback_fix.error.assignee_invited", nil)
		return false
	case f != nil && errors.Is(err, ticket.ErrAssigneeInactive):
		f.Errors.Add("assignee", "tickets_admin.error.assignee_inactive", nil)
		return false
	case f != nil && f.Take(err):
		return false
	default:
		a.env.Fail(w, r, err)
	}
	return true
}

// ticketID reads the path's ticket id; anything else is the 404 page.
func (a *Admin) ticketID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
	}
	return id, ok
}
