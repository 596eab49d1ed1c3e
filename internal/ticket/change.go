package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Actor is who changes a ticket: a contact (portal, email) or a staff member.
type Actor struct {
	ContactID int64
	StaffID   int64
	Name      string
}

// AddReply adds a public reply or (staff only) an internal note. A contact's reply to a
// ticket waiting for the customer moves it back to "in progress"; a reply to a resolved
// or closed ticket needs Reopen first. Billed tickets take no more messages. The
// author's message of a moment ago sent again is ErrRepeated (repeat.go).
func AddReply(ctx context.Context, tx db.Querier, t Ticket, r Reply, now time.Time) (int64, error) {
	if t.Billed {
		return 0, ErrBilled
	}
	if r.StaffID == 0 && t.Done() {
		return 0, ErrClosed
	}
	if t.MergedInto > 0 { // the conversation lives in the target now
		return 0, ErrMerged
	}
	r.TenantID, r.TicketID = t.TenantID, t.ID
	if err := repeatedReply(ctx, tx, r, now); err != nil { // sent twice (repeat.go)
		return 0, err
	}
	id, err := addMessage(ctx, tx, r, now)
	if err != nil {
		return 0, err
	}
	if r.StaffID > 0 && !r.Internal { // a public answer meets the first response (sla.go)
		if err := responded(ctx, tx, t.TenantID, t.ID, now); err != nil {
			return 0, err
		}
		if err := answeredStep(ctx, tx, t.TenantID, t.ID, now); err != nil { // waiting anew (auto.go)
			return 0, err
		}
	}
	if r.StaffID == 0 && t.Status.Kind == KindWaiting {
		st, err := StatusByCode(ctx, tx, t.TenantID, CodeProgress)
		if err != nil {
			return 0, err
		}
		by := Actor{ContactID: r.ContactID, Name: r.Author} // who replied; the pages say so (EventAfterReply)
		if err := setStatus(ctx, tx, t, st, EventAfterReply, by, "", now); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// EventAfterReply is the history entry of a ticket that went from waiting for the
// customer back to "in progress" because the customer replied. Nobody chose that
// status: the pages say it changed after the reply, rather than that the customer
// changed it. The entry keeps who replied (actor, contact).
const EventAfterReply = "after_reply"

// SetStatus moves the ticket to another status of its tenant (staff); a retired
// (inactive) status is ErrStatusInactive.
func SetStatus(ctx context.Context, tx db.Querier, t Ticket, statusID int64, a Actor, now time.Time) (Status, error) {
	if t.Billed {
		return Status{}, ErrBilled
	}
	if t.MergedInto > 0 {
		return Status{}, ErrMerged
	}
	to, err := StatusByID(ctx, tx, t.TenantID, statusID)
	if err != nil {
		return Status{}, err
	}
	if to.ID == t.Status.ID {
		return to, nil
	}
	if !to.Active {
		return Status{}, ErrStatusInactive
	}
	if to.Outcome() { // by deciding only (request.go)
		return Status{}, ErrUndecided
	}
	return to, setStatus(ctx, tx, t, to, "status", a, "", now)
}

// ErrUndecided: staff chose "accepted" or "declined" as a plain status. Those
// outcomes come from Decide only, which keeps the request's state and the reason the
// customer reads in step with the status: a plain one would leave an undecided
// request open beside an outcome that says otherwise, or decline an accepted request
// without a reason while its details still said "accepted".
var ErrUndecided = errors.New("ticket: a request is accepted or declined by deciding it")

// Outcome reports whether the status is a request's outcome (accepted, declined),
// which a ticket gets by Decide only, never as a plain status.
func (s Status) Outcome() bool { return s.Code == CodeAccepted || s.Code == CodeDeclined }

// Close closes the ticket on the contact's request.
func Close(ctx context.Context, tx db.Querier, t Ticket, a Actor, now time.Time) error {
	if t.Billed {
		return ErrBilled
	}
	if t.Status.Kind == KindClosed {
		return nil
	}
	return moveTo(ctx, tx, t, CodeClosed, a, "", now)
}

// Reopen brings a resolved or closed ticket back, unless the tenant forbids reopening
// (staff may always reopen) or it was billed. A declined request stays declined for
// its contacts (ErrDeclined); staff reopening it take the decision back (request.go).
func Reopen(ctx context.Context, tx db.Querier, t Ticket, allowed bool, a Actor, now time.Time) error {
	if t.Billed {
		return ErrBilled
	}
	if !t.Done() {
		return ErrNotClosed
	}
	if t.MergedInto > 0 { // it would come back empty beside the ticket that holds its conversation
		return ErrMerged
	}
	if !allowed && a.StaffID == 0 {
		return ErrNoReopen
	}
	if a.StaffID == 0 && t.RequestState == RequestDeclined { // support said no (request.go)
		return ErrDeclined
	}
	st, err := StatusByCode(ctx, tx, t.TenantID, reopenCode(t))
	if err != nil {
		return err
	}
	return setStatus(ctx, tx, t, st, "reopened", a, "", now)
}

// Assign gives the ticket to an active staff member of the tenant who signed in at
// least once (0: nobody); a deactivated one is ErrAssigneeInactive, one who never
// accepted the invitation ErrAssigneeInvited (which is ErrAssigneeInactive too), since
// nobody would look after the ticket.
func Assign(ctx context.Context, tx db.Querier, t Ticket, staffID int64, a Actor, now time.Time) error {
	if t.MergedInto > 0 { // the work goes on in the target
		return ErrMerged
	}
	name := ""
	if staffID > 0 {
		// Active and signed in once: an invited member who never accepted would not see
		// the ticket either (ErrAssigneeInvited, worded as such).
		var err error
		if name, err = assignee(ctx, tx, t.TenantID, staffID); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE tickets SET assignee_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		nullID(staffID), now.Unix(), t.TenantID, t.ID); err != nil {
		return fmt.Errorf("ticket: assign: %w", err)
	}
	return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: "assigned", Actor: a.Name, Note: name}, a.ContactID, a.StaffID, now)
}

// SetBilled marks the ticket as billed (locked for contacts and for changes) or not.
func SetBilled(ctx context.Context, tx db.Querier, t Ticket, billed bool, a Actor, now time.Time) error {
	if _, err := tx.Exec(ctx, `UPDATE tickets SET billed = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		billed, now.Unix(), t.TenantID, t.ID); err != nil {
		return fmt.Errorf("ticket: billed: %w", err)
	}
	if err := billedStep(ctx, tx, t, billed, now); err != nil { // billed tickets are not automated (auto.go)
		return err
	}
	kind := "billed"
	if !billed {
		kind = "unbilled"
	}
	return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: kind, Actor: a.Name}, a.ContactID, a.StaffID, now)
}

// SetDetails changes priority and category (staff). A new category the tenant retired
// since the page was shown is a field error, not a missing page; an unknown or
// another tenant's one stays ErrNotFound.
func SetDetails(ctx context.Context, tx db.Querier, t Ticket, priority int, categoryID int64, a Actor, now time.Time) error {
	if t.Billed {
		return ErrBilled
	}
	if t.MergedInto > 0 {
		return ErrMerged
	}
	if priority < PriorityLow || priority > PriorityUrgent {
		priority = t.Priority
	}
	if categoryID != t.CategoryID {
		if err := categoryOf(ctx, tx, t.TenantID, categoryID); err != nil {
			if retired, rerr := categoryRetired(ctx, tx, t.TenantID, categoryID); rerr == nil && retired {
				e := validate.Errors{}
				e.Add("category", "tickets_admin.error.category", nil)
				return e
			}
			return fmt.Errorf("ticket: category: %w", err)
		}
	}
	_, err := tx.Exec(ctx, `UPDATE tickets SET priority = ?, category_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		priority, nullID(categoryID), now.Unix(), t.TenantID, t.ID)
	if err != nil {
		return fmt.Errorf("ticket: details: %w", err)
	}
	if priority != t.Priority { // the new priority's targets apply (sla.go)
		return priorityClock(ctx, tx, t.TenantID, t.ID)
	}
	return nil
}

func moveTo(ctx context.Context, tx db.Querier, t Ticket, code string, a Actor, note string, now time.Time) error {
	st, err := StatusByCode(ctx, tx, t.TenantID, code)
	if err != nil {
		return err
	}
	kind := "status"
	if code == CodeClosed {
		kind = "closed"
	}
	return setStatus(ctx, tx, t, st, kind, a, note, now)
}

func setStatus(ctx context.Context, tx db.Querier, t Ticket, to Status, kind string, a Actor, note string, now time.Time) error {
	if err := withdrawDecline(ctx, tx, t, to); err != nil { // a declined request reopened (request.go)
		return err
	}
	var closed any
	done := to.Kind == KindResolved || to.Kind == KindClosed
	if done {
		closed = now.Unix()
	}
	// A move from open (closed_at empty) to done starts a new resolution, which its
	// opener may rate (rating.go); resolved to closed stays the same one.
	if _, err := tx.Exec(ctx, `UPDATE tickets SET status_id = ?, updated_at = ?,
		resolution = resolution + CASE WHEN ? AND closed_at IS NULL THEN 1 ELSE 0 END, closed_at = ?
		WHERE tenant_id = ? AND id = ?`, to.ID, now.Unix(), done, closed, t.TenantID, t.ID); err != nil {
		return fmt.Errorf("ticket: status: %w", err)
	}
	if err := statusClock(ctx, tx, t.TenantID, t.ID, now); err != nil { // resolved, or reopened (sla.go)
		return err
	}
	if err := statusStep(ctx, tx, t, to, now); err != nil { // the automation's next step (auto.go)
		return err
	}
	return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: kind, From: t.Status, To: to, Actor: a.Name, Note: note}, a.ContactID, a.StaffID, now)
}
