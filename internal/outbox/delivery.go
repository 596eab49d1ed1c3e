package outbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
)

// Delivery is how far the queue got with a mail that is not out yet: the outbox shows it,
// so a mail stuck behind an unreachable SMTP server says why.
type Delivery struct {
	Attempts  int
	LastError string
	NextTry   time.Time // zero once the queue has given up, while a try runs, or while held
	Running   bool      // a worker is sending it right now
	// Held: restored from a backup, it goes out only when an admin sends it (HoldQueued).
	Held bool
}

// Stuck reports whether a try has failed: the list marks such a mail.
func (d Delivery) Stuck() bool { return d.LastError != "" }

// Deliveries returns the state of the delivery jobs of the given mails that are still
// queued or failed, by mail id. Only jobs not done are read: the queue's index holds
// those by state, so this stays cheap however many sent mails the month kept.
func Deliveries(ctx context.Context, q db.Querier, tenantID int64, mails []Mail) (map[int64]Delivery, error) {
	out := map[int64]Delivery{}
	var ids []any
	for _, m := range mails {
		if m.State != "sent" && m.State != StateCancelled && m.State != StateDiscarded {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	args := append([]any{tenantID, JobKind}, ids...)
	rows, err := q.Query(ctx, `SELECT ref_id, state, attempts, last_error, run_at FROM jobs
		WHERE tenant_id = ? AND kind = ? AND state IN ('pending', 'running', 'failed', 'held')
		AND ref_id IN (`+db.Marks(len(ids))+`) ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: deliveries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref, runAt int64
		var state string
		var d Delivery
		if err := rows.Scan(&ref, &state, &d.Attempts, &d.LastError, &runAt); err != nil {
			return nil, err
		}
		switch state {
		case jobs.StatePending:
			d.NextTry = time.Unix(runAt, 0)
		case jobs.StateRunning:
			d.Running = true
		case jobs.StateHeld:
			d.Held = true
		}
		out[ref] = d // ordered by id: a later job of the same mail wins
	}
	return out, rows.Err()
}

// ErrSending is returned by Retry while a worker is sending the mail.
var ErrSending = errors.New("outbox: the mail is being sent")

// ErrDelivered is returned by Retry for a mail that is already out.
var ErrDelivered = errors.New("outbox: the mail has been sent")

// ErrPurged is returned by Retry for a failed mail the retention rules emptied: there
// is nothing left to send.
var ErrPurged = errors.New("outbox: the mail's content was removed")

// Retry makes a waiting, held or failed mail due now. A failed mail goes back to
// "queued" and gets the queue's full round of attempts again; a waiting one keeps its
// count and is only brought forward; a held one (restored from a backup) is let go.
// Scoped by tenant: another tenant's mail is db.ErrNotFound.
func Retry(ctx context.Context, q db.Querier, tenantID, mailID int64, now time.Time) error {
	m, err := Get(ctx, q, tenantID, mailID, true)
	if err != nil {
		return err
	}
	switch m.State {
	case "sent":
		return ErrDelivered
	case StateCancelled:
		return ErrCancelled
	case StateDiscarded:
		return ErrDiscarded
	}
	if !m.Purged.IsZero() {
		return ErrPurged
	}
	var jobID int64
	var state string
	err = q.QueryRow(ctx, `SELECT id, state FROM jobs WHERE tenant_id = ? AND kind = ? AND ref_id = ?
		ORDER BY id DESC LIMIT 1`, tenantID, JobKind, mailID).Scan(&jobID, &state)
	switch err = db.One(err); {
	case errors.Is(err, db.ErrNotFound):
		// No job (removed by hand, or lost): queue a new one.
		if err := requeue(ctx, q, tenantID, mailID); err != nil {
			return err
		}
		return jobs.Enqueue(ctx, q, tenantID, JobKind, mailID, now)
	case err != nil:
		return fmt.Errorf("outbox: retry: %w", err)
	case state == jobs.StateRunning:
		return ErrSending
	case state == jobs.StateDone:
		return ErrDelivered
	}
	if err := requeue(ctx, q, tenantID, mailID); err != nil { // the mail first: it may be emptied meanwhile
		return err
	}
	if _, err := q.Exec(ctx, `UPDATE jobs SET state = 'pending', run_at = ?,
		attempts = CASE WHEN state = 'failed' THEN 0 ELSE attempts END, done_at = NULL
		WHERE id = ? AND state IN ('pending', 'failed', 'held')`, now.Unix(), jobID); err != nil {
		return fmt.Errorf("outbox: retry: %w", err)
	}
	return nil
}
