package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// Event kinds of the automation's history entries: no person acted, so the pages say
// "automatically" instead of naming an actor.
const (
	EventAutoClosed   = "auto_closed"
	EventAutoResolved = "auto_resolved"
	EventReminded     = "reminded"
)

// system is the automation as the actor of a change: nobody, so neither a contact
// nor a staff member is recorded, and mails name the provider.
var system = Actor{}

// sweeper takes the steps of one tenant in one pass.
type sweeper struct {
	d      *db.DB
	ten    tenant.Tenant
	origin string
	now    time.Time
}

// take runs the step of one listed ticket in a transaction and says which step it took
// ("" for none). The settings and the ticket are read anew inside: the step is taken
// only if it is still due and the ticket still at that step since that moment. The
// conditional UPDATE that claims it is what makes a second instance find nothing: on
// PostgreSQL it waits for the first one's row lock and then sees the changed row, on
// SQLite the transactions run one after the other.
func (s sweeper) take(ctx context.Context, dt dueTicket) (string, error) {
	var took string
	err := s.d.InTx(ctx, func(tx *db.Tx) error {
		took = ""
		a, err := AutomationOf(ctx, tx, s.ten.ID)
		if err != nil {
			return err
		}
		after := a.after(dt.step)
		if after == 0 || time.Unix(dt.since, 0).After(s.now.Add(-after)) {
			return nil // switched off, or shortened and lengthened again, since the listing
		}
		res, err := tx.Exec(ctx, `UPDATE tickets SET auto_step = NULL, auto_since = NULL WHERE tenant_id = ? AND id = ?
			AND auto_step = ? AND auto_since = ?`, s.ten.ID, dt.id, dt.step, dt.since)
		if err != nil {
			return fmt.Errorf("claim: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // changed since the listing, or taken by another instance
		}
		t, err := ForStaff(ctx, tx, s.ten.ID, dt.id)
		if err != nil {
			return err
		}
		if !s.fits(t, dt.step) {
			// The ticket got here without its step being set anew (a status's kind
			// changed in the settings in between): start what its state means now.
			return statusStep(ctx, tx, t, t.Status, s.now)
		}
		switch dt.step {
		case StepClose:
			took, err = s.move(ctx, tx, t, CodeClosed, EventAutoClosed)
		case StepResolve:
			took, err = s.move(ctx, tx, t, CodeResolved, EventAutoResolved)
		default:
			took, err = StepRemind, s.remind(ctx, tx, t, a)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	return took, nil
}

// fits reports whether t's state is still the one step was set for.
func (s sweeper) fits(t Ticket, step string) bool {
	if t.Billed || t.MergedInto > 0 {
		return false
	}
	want := stepFor(t.Status)
	if step == StepResolve {
		return want == StepRemind
	}
	return want == step
}

// move closes or resolves t as the system and tells the contact and followers the new
// status, as a staff member's change would. It returns the step taken, "" when the
// tenant has no status to move to (every status of kind resolved retired).
func (s sweeper) move(ctx context.Context, tx db.Querier, t Ticket, code, kind string) (string, error) {
	to, err := s.target(ctx, tx, code)
	if err != nil || to.ID == 0 {
		return "", err
	}
	if err := setStatus(ctx, tx, t, to, kind, system, "", s.now); err != nil {
		return "", err
	}
	n, err := s.notifier(ctx, tx)
	if err != nil {
		return "", err
	}
	step := StepClose
	if code == CodeResolved {
		step = StepResolve
	}
	return step, n.StatusChanged(ctx, tx, t, to, Actor{Name: s.ten.Name})
}

// notifier is the notifier of the sweeper's mails: unattended, so that no archived
// company's contacts get them (ticketContacts).
func (s sweeper) notifier(ctx context.Context, tx db.Querier) (Notifier, error) {
	n, err := NewNotifier(ctx, tx, s.ten, s.origin, s.now)
	n.unattended = true
	return n, err
}

// target is the status a step moves to: "closed", the status the helpdesk closes with
// (always there and active); for resolving the built-in "resolved", or, should the
// tenant have retired it, its first active status of kind resolved (none: ID 0).
func (s sweeper) target(ctx context.Context, q db.Querier, code string) (Status, error) {
	st, err := StatusByCode(ctx, q, s.ten.ID, code)
	if code == CodeClosed || err == nil && st.Active && st.Kind == KindResolved {
		return st, err
	}
	st, err = scanStatus(q.QueryRow(ctx, `SELECT `+statusCols+` FROM ticket_statuses WHERE tenant_id = ? AND kind = ? AND active
		ORDER BY position, id LIMIT 1`, s.ten.ID, KindResolved))
	if err = db.One(err); errors.Is(err, db.ErrNotFound) {
		return Status{}, nil
	}
	if err != nil {
		return st, fmt.Errorf("ticket: resolved status: %w", err)
	}
	return st, nil
}

// remind mails the reminder, records it in the history (contacts see it too: it
// explains the mail they got and why the ticket may be resolved without them) and
// sets the ticket to be resolved from now.
func (s sweeper) remind(ctx context.Context, tx db.Querier, t Ticket, a Automation) error {
	n, err := s.notifier(ctx, tx)
	if err != nil {
		return err
	}
	var resolveAt time.Time
	if after := a.after(StepResolve); after > 0 {
		resolveAt = s.now.Add(after)
		if a.InHours { // the mail names the day PlanOf will show
			hours, err := automationHours(ctx, tx, t.TenantID, s.ten.Location())
			if err != nil {
				return err
			}
			resolveAt = hours.Next(resolveAt)
		}
	}
	if err := n.Reminded(ctx, tx, t, resolveAt); err != nil {
		return err
	}
	if err := addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: EventReminded}, 0, 0, s.now); err != nil {
		return err
	}
	return setStep(ctx, tx, t.TenantID, t.ID, StepResolve, s.now)
}
