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

// HeldCount is how many of the tenant's mails are held: the outbox offers "Don't send
// any" while there are some. Read by the queue's index on state.
func HeldCount(ctx context.Context, q db.Querier, tenantID int64) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (`+heldJobs+`) held`, heldArgs(tenantID)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("outbox: held mails: %w", err)
	}
	return n, nil
}

// HeldIDs returns the ids of the tenant's held mails after the id after, oldest first,
// at most limit: DiscardHeld goes through them. Read by the queue's index on state.
func HeldIDs(ctx context.Context, q db.Querier, tenantID, after int64, limit int) ([]int64, error) {
	rows, err := q.Query(ctx, heldJobs+` AND ref_id > ? ORDER BY ref_id LIMIT ?`, append(heldArgs(tenantID), after, limit)...)
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

// DiscardHeld discards up to limit held mails of the tenant after the id after
// ("Don't send any" goes through them a batch per transaction, so thousands held do
// not keep SQLite's writer for seconds) and returns those it discarded and the id the
// next batch starts after, 0 when none is left. A mail released or discarded meanwhile
// is passed over.
func DiscardHeld(ctx context.Context, q db.Querier, tenantID, after int64, limit int, now time.Time) ([]Mail, int64, error) {
	ids, err := HeldIDs(ctx, q, tenantID, after, limit)
	if err != nil {
		return nil, 0, err
	}
	var out []Mail
	for _, id := range ids {
		m, err := Discard(ctx, q, tenantID, id, now)
		switch {
		case errors.Is(err, ErrNotHeld), errors.Is(err, db.ErrNotFound):
			continue
		case err != nil:
			return out, 0, err
		}
		out = append(out, m)
	}
	if len(ids) < limit {
		return out, 0, nil
	}
	return out, ids[len(ids)-1], nil
}
