package outbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// StateCancelled is the state of a mail that will not go out because what it was about
// is gone: a queued notice about a ticket that staff deleted before the queue sent it.
// The mail stays in the outbox (what was written, to whom), its delivery job is done.
const StateCancelled = "cancelled"

// ErrCancelled is returned by Retry for a cancelled mail: its ticket is gone, and its
// links would lead nowhere.
var ErrCancelled = errors.New("outbox: the mail was cancelled")

// CancelForTickets cancels the tenant's mails about the given tickets that have not gone
// out yet (queued, or given up after failing), in the transaction that deletes the
// tickets and before it does: the delete clears the mails' ticket. A mail a worker is
// sending right now still goes (Deliver checks the state before it sends). It returns how
// many mails it cancelled.
func CancelForTickets(ctx context.Context, q db.Querier, tenantID int64, ticketIDs []int64, now time.Time) (int, error) {
	if len(ticketIDs) == 0 {
		return 0, nil
	}
	in := db.Marks(len(ticketIDs))
	args := []any{tenantID}
	for _, id := range ticketIDs {
		args = append(args, id)
	}
	// The jobs first, while the mails are still told apart by their state.
	if _, err := q.Exec(ctx, `UPDATE jobs SET state = 'done', done_at = ?, last_error = ''
		WHERE tenant_id = ? AND kind = ? AND state IN ('pending', 'failed', 'held') AND ref_id IN (
			SELECT id FROM mails WHERE tenant_id = ? AND ticket_id IN (`+in+`) AND state IN ('queued', 'failed'))`,
		append([]any{now.Unix(), tenantID, JobKind}, args...)...); err != nil {
		return 0, fmt.Errorf("outbox: cancel jobs: %w", err)
	}
	res, err := q.Exec(ctx, `UPDATE mails SET state = '`+StateCancelled+`'
		WHERE tenant_id = ? AND ticket_id IN (`+in+`) AND state IN ('queued', 'failed')`, args...)
	if err != nil {
		return 0, fmt.Errorf("outbox: cancel: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
