package outbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
)

// StateDiscarded is the state of a mail a restore held (HoldQueued) that an admin
// chose not to send ("Don't send"): the old installation had most likely sent it before
// the backup was restored. Like a cancelled mail it stays in the outbox, its delivery
// job is done, and Retry refuses it; unlike one, its ticket is still there, so the
// outbox says why it did not go out in its own words.
const StateDiscarded = "discarded"

// ErrDiscarded is returned by Retry for a discarded mail: an admin decided the
// recipient already has it.
var ErrDiscarded = errors.New("outbox: the held mail was not sent on purpose")

// ErrNotHeld is returned by Discard for a mail that is not held (any more): sent,
// released by "Send now" or cancelled meanwhile, or never held. Only a held mail can
// be discarded: a mail the queue may be sending is not taken back.
var ErrNotHeld = errors.New("outbox: the mail is not held")

// Discard ends the delivery of a held mail of the tenant without sending it, and
// returns it as it was (for the audit entry). Scoped by tenant: another tenant's mail
// is db.ErrNotFound. The job is ended first and only if still held, so a concurrent
// "Send now" or a second "Don't send" leaves one of them with ErrNotHeld.
func Discard(ctx context.Context, q db.Querier, tenantID, mailID int64, now time.Time) (Mail, error) {
	m, err := Get(ctx, q, tenantID, mailID, true)
	if err != nil {
		return m, err
	}
	if m.State != "queued" {
		return m, ErrNotHeld
	}
	res, err := q.Exec(ctx, `UPDATE jobs SET state = ?, done_at = ?, last_error = ''
		WHERE tenant_id = ? AND kind = ? AND ref_id = ? AND state = ?`,
		jobs.StateDone, now.Unix(), tenantID, JobKind, mailID, jobs.StateHeld)
	if err != nil {
		return m, fmt.Errorf("outbox: discard: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return m, ErrNotHeld
	}
	if _, err := q.Exec(ctx, `UPDATE mails SET state = '`+StateDiscarded+`' WHERE tenant_id = ? AND id = ? AND state = 'queued'`,
		tenantID, mailID); err != nil {
		return m, fmt.Errorf("outbox: discard: %w", err)
	}
	return m, nil
}

// HeldIDs returns the ids of the tenant's held mails, oldest first: the outbox offers
// "Don't send any" while there are some, and DiscardAll goes through them. Read by the
// queue's index on state.
func HeldIDs(ctx context.Context, q db.Querier, tenantID int64) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT ref_id FROM jobs WHERE state = ? AND tenant_id = ? AND kind = ? ORDER BY ref_id`,
		jobs.StateHeld, tenantID, JobKind)
	if err != nil {
		return nil, fmt.Errorf("outbox: held mails: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("outbox: held mails: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// DiscardAll discards every held mail of the tenant ("Don't send any") and returns
// those it discarded. A mail released or discarded meanwhile is passed over.
func DiscardAll(ctx context.Context, q db.Querier, tenantID int64, now time.Time) ([]Mail, error) {
	ids, err := HeldIDs(ctx, q, tenantID)
	if err != nil {
		return nil, err
	}
	var out []Mail
	for _, id := range ids {
		m, err := Discard(ctx, q, tenantID, id, now)
		switch {
		case errors.Is(err, ErrNotHeld), errors.Is(err, db.ErrNotFound):
			continue
		case err != nil:
			return out, err
		}
		out = append(out, m)
	}
	return out, nil
}
