package outbox

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
)

// HoldQueued holds the delivery of every mail, of every tenant, that is queued and
// waiting for the queue (its job pending, or running when the rows were read), and
// returns how many mails it held. A restore calls it in the transaction that loads the
// archive's rows: a mail queued when the backup was taken may well have gone out from
// the old installation afterwards, and the queue would send it a second time. No
// worker takes a held job; an admin sends such a mail with "Send now" in the outbox
// (Retry), or ReleaseHeld lets them all go. The mail itself stays "queued": it is not
// out, and deleting its ticket or erasing its recipient cancels it as any other.
func HoldQueued(ctx context.Context, q db.Querier) (int, error) {
	res, err := q.Exec(ctx, `UPDATE jobs SET state = ?, locked_by = '' WHERE kind = ? AND state IN (?, ?)
		AND ref_id IN (SELECT id FROM mails WHERE state = 'queued')`,
		jobs.StateHeld, JobKind, jobs.StatePending, jobs.StateRunning)
	if err != nil {
		return 0, fmt.Errorf("outbox: hold queued mails: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// ReleaseHeld makes every held mail due now (pforte restore --send-queued), keeping
// the attempts it had, and returns how many it released.
func ReleaseHeld(ctx context.Context, q db.Querier, now time.Time) (int, error) {
	res, err := q.Exec(ctx, `UPDATE jobs SET state = ?, run_at = ? WHERE kind = ? AND state = ?`,
		jobs.StatePending, now.Unix(), JobKind, jobs.StateHeld)
	if err != nil {
		return 0, fmt.Errorf("outbox: release held mails: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// heldJobs selects the mail ids of a tenant's held deliveries, with the arguments
// heldArgs gives; jobs_due serves it. ref_id is never NULL for a mail's job; the
// condition says so, as NOT IN over a NULL would keep no mail at all.
const heldJobs = `SELECT ref_id FROM jobs WHERE state = ? AND tenant_id = ? AND kind = ? AND ref_id IS NOT NULL`

// heldArgs are heldJobs' arguments for the tenant.
func heldArgs(tenantID int64) []any { return []any{jobs.StateHeld, tenantID, JobKind} }
