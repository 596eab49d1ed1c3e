package outbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// CancelTo cancels the tenant's mails to addr that have not gone out yet (queued, or
// given up after failing), for a contact who is erased: nothing more goes to the
// address once the person asked to be forgotten. Like CancelForTickets, a mail a worker
// is sending right now still goes. It returns how many mails it cancelled.
func CancelTo(ctx context.Context, q db.Querier, tenantID int64, addr string, now time.Time) (int, error) {
	addr = strings.ToLower(strings.TrimSpace(addr))
	if addr == "" {
		return 0, nil
	}
	// The jobs first, while the mails are still told apart by their state.
	if _, err := q.Exec(ctx, `UPDATE jobs SET state = 'done', done_at = ?, last_error = ''
		WHERE tenant_id = ? AND kind = ? AND state IN ('pending', 'failed') AND ref_id IN (
			SELECT id FROM mails WHERE tenant_id = ? AND LOWER(to_addr) = ? AND state IN ('queued', 'failed'))`,
		now.Unix(), tenantID, JobKind, tenantID, addr); err != nil {
		return 0, fmt.Errorf("outbox: cancel jobs to address: %w", err)
	}
	res, err := q.Exec(ctx, `UPDATE mails SET state = '`+StateCancelled+`'
		WHERE tenant_id = ? AND LOWER(to_addr) = ? AND state IN ('queued', 'failed')`, tenantID, addr)
	if err != nil {
		return 0, fmt.Errorf("outbox: cancel to address: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
