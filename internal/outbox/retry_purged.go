package outbox

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// requeue puts a mail Retry read back to "queued", but only while it still has its
// content: a pass of the retention rules (package retention) may have emptied it since
// Retry read it — on PostgreSQL nothing holds the pass back between the two — and an
// empty mail must not go out. ErrPurged then, and the caller changes no job.
func requeue(ctx context.Context, q db.Querier, tenantID, mailID int64) error {
	res, err := q.Exec(ctx, `UPDATE mails SET state = 'queued' WHERE tenant_id = ? AND id = ? AND purged_at = 0`,
		tenantID, mailID)
	if err != nil {
		return fmt.Errorf("outbox: retry: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrPurged
	}
	return nil
}

// purgedNotSent is the delivery of a mail the retention rules emptied while it was
// queued again (a retry on an older release, or by hand): it is marked failed instead
// of going out empty, and its job ends.
func (d *Deliverer) purgedNotSent(ctx context.Context, m Mail) error {
	_, err := d.DB.Exec(ctx, `UPDATE mails SET state = 'failed' WHERE id = ? AND state = 'queued'`, m.ID)
	return err
}
