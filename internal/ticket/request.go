package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// How a request's decision and its status keep in step:
//
//   - "accepted" and "declined" are reached by Decide only, never as a plain status
//     (SetStatus: ErrUndecided), so a declined request always has its reason and an
//     accepted one is never declined behind its back.
//   - An undecided request may be resolved or closed without a decision (answered
//     straight away, withdrawn by the customer, resolved by the automation): then
//     there is nothing left to decide (ErrDoneUndecided) until it is reopened, which
//     brings it back as "new".
//   - A declined request is final for its contacts: they cannot reopen it
//     (ErrDeclined), their portal offers neither reopening nor a rating. Staff who
//     move it to an open status again take the decision back: it is undecided again,
//     for a decision anew.

var (
	// ErrDoneUndecided: staff decided a request that was resolved or closed without a
	// decision meanwhile; a decision would mail "accepted" about a ticket the customer
	// last saw closed. Reopening it first brings the decision back.
	ErrDoneUndecided = errors.New("ticket: a finished request is reopened before it is decided")
	// ErrDeclined: a contact reopened a declined request. It is ErrNoReopen too, so
	// every path that refuses a reopen refuses this one.
	ErrDeclined = fmt.Errorf("%w: the request was declined", ErrNoReopen)
)

// Decide accepts or declines a new ticket (a service request). Declining moves it to
// "declined" with the reason the contact sees. Accepting moves a "new" ticket to
// "accepted"; one staff already work on (in progress, waiting for the customer) keeps
// its status, which says more than "accepted" would, and the history says who
// accepted it.
func Decide(ctx context.Context, tx db.Querier, t Ticket, accept bool, reason string, a Actor, now time.Time) error {
	if t.Billed { // locked: deciding would change its status and mail the customer
		return ErrBilled
	}
	if t.MergedInto > 0 {
		return ErrMerged
	}
	if t.RequestState != RequestPending {
		return ErrDecided
	}
	if t.Done() {
		return ErrDoneUndecided
	}
	state, code, kind := RequestAccepted, CodeAccepted, "accepted"
	if !accept {
		state, code, kind = RequestDeclined, CodeDeclined, "declined"
	}
	res, err := tx.Exec(ctx, `UPDATE tickets SET request_state = ?, decision_reason = ?, updated_at = ? WHERE tenant_id = ? AND id = ?
		AND request_state = 'pending'`, state, reason, now.Unix(), t.TenantID, t.ID)
	if err != nil {
		return fmt.Errorf("ticket: decide: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrDecided // someone decided first
	}
	if accept && t.Status.Code != CodeNew {
		return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: kind, From: t.Status, To: t.Status, Actor: a.Name}, a.ContactID, a.StaffID, now)
	}
	st, err := StatusByCode(ctx, tx, t.TenantID, code)
	if err != nil {
		return err
	}
	return setStatus(ctx, tx, t, st, kind, a, reason, now)
}

// reopenCode is the status a finished ticket reopens to: "new" for a request that is
// (again) to be decided, "in progress" otherwise.
func reopenCode(t Ticket) string {
	if t.RequestState == RequestPending || t.RequestState == RequestDeclined {
		return CodeNew
	}
	return CodeProgress
}

// withdrawDecline takes a declined request's decision back when it moves to an open
// status (staff reopened it, or merged an open ticket into it): "declined" beside
// work going on would tell the customer support does not work on it. Moving to
// another finished status keeps the decision.
func withdrawDecline(ctx context.Context, tx db.Querier, t Ticket, to Status) error {
	if t.RequestState != RequestDeclined || to.Kind == KindResolved || to.Kind == KindClosed {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE tickets SET request_state = 'pending', decision_reason = '' WHERE tenant_id = ? AND id = ?`,
		t.TenantID, t.ID); err != nil {
		return fmt.Errorf("ticket: withdraw decline: %w", err)
	}
	return nil
}
