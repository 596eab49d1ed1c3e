package outbox

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// requeue puts a mail Retry read back to "queued", but only while it still has its
// content: a pass of the retention rules (package retention) may have emptied it since
// Retry read it — on PostgreSQL nothing holds the pass back between the two — and an
// empty mail must not go out. ErrPurged then, and the caller changes no job. Nor while
// it is not waiting or failed any more: a held mail an admin chose not to send (Discard)
// or one cancelled in the meantime stays so, and Retry says why.
func requeue(ctx context.Context, q db.Querier, tenantID, mailID int64) error {
	res, err := q.Exec(ctx, `UPDATE mails SET state = 'queued' WHERE tenant_id = ? AND id = ? AND purged_at = 0
		AND state IN ('queued', 'failed')`, tenantID, mailID)
	if err != nil {
		return fmt.Errorf("outbox: retry: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	var state string
	if err := q.QueryRow(ctx, `SELECT state FROM mails WHERE tenant_id = ? AND id = ?`, tenantID, mailID).Scan(&state); err != nil {
		return fmt.Errorf("outbox: retry: %w", db.One(err))
	}
	switch state {
	case "sent":
		return ErrDelivered
	case StateDiscarded:
		return ErrDiscarded
	case StateCancelled:
		return ErrCancelled
	}
	return ErrPurged
}

// purgedNotSent is the delivery of a mail the retention rules emptied while it was
// queued again (a retry on an older release, or by hand): it is marked failed instead
// of going out empty, and its job ends.
func (d *Deliverer) purgedNotSent(ctx context.Context, m Mail) error {
	_, err := d.DB.Exec(ctx, `UPDATE mails SET state = 'failed' WHERE id = ? AND state = 'queued'`, m.ID)
	return err
}
