package ticket

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
)

// kindBatch is how many tickets resumeStatus reads and writes at a time.
const kindBatch = 500

// kindClock follows an admin's change of a status's kind to or from waiting
// (SaveStatus, already stored): its tickets stop their resolution clocks at now, or
// start them again, as each would by moving into or out of such a status
// (statusClock). Only the pause changes: a ticket of a status becoming done is not
// resolved by anyone (doneStatusClock), and one of a done status becoming waiting,
// resolved already, has no clock running to stop. Stopping needs the tenant's pause
// on; a stood clock starts again whatever the switch says now.
//
// A status may hold a large part of the tenant's tickets, so both touch only the
// columns that change (SQLite rewrites every index holding a column it sets). At
// 100,000 tickets in the status the save takes 1 s (stop) and 6 s (start) on SQLite,
// about 20 s on PostgreSQL, where an update of as many tickets that changes nothing
// takes as long (BENCHMARKS.md).
func kindClock(ctx context.Context, q db.Querier, tenantID int64, prev, s Status, now time.Time) error {
	switch {
	case s.Kind == KindWaiting && prev.Kind != KindWaiting:
		return pauseStatus(ctx, q, tenantID, s.ID, now)
	case prev.Kind == KindWaiting && s.Kind != KindWaiting:
		return resumeStatus(ctx, q, tenantID, s, now)
	}
	return nil
}

// pauseStatus stops the clocks of the open tickets in a status, in one statement:
// sla_due_at is what clock.next gives a clock stopped at now — the first response if
// it is owed and due first, else the resolution only if it was overdue already.
func pauseStatus(ctx context.Context, q db.Querier, tenantID, statusID int64, now time.Time) error {
	if on, err := pausing(ctx, q, tenantID); err != nil || !on {
		return err
	}
	at := now.Unix()
	_, err := q.Exec(ctx, `UPDATE tickets SET sla_paused_at = ?, sla_due_at = CASE
		WHEN first_responded_at IS NULL AND first_response_due_at IS NOT NULL
			AND (resolution_due_at IS NULL OR resolution_due_at >= ? OR first_response_due_at < resolution_due_at) THEN first_response_due_at
		WHEN resolution_due_at < ? THEN resolution_due_at END
		WHERE tenant_id = ? AND status_id = ? AND sla_paused_at IS NULL AND resolved_at IS NULL`, at, at, at, tenantID, statusID)
	if err != nil {
		return fmt.Errorf("ticket: pause status clocks: %w", err)
	}
	return nil
}

// resumeStatus starts the stood clocks of the tickets in a status again. Resuming
// counts business time, so it is done here: the ids are read once through the index
// on the status, then the tickets a batch at a time by primary key, each batch written
// back in one statement.
func resumeStatus(ctx context.Context, q db.Querier, tenantID int64, s Status, now time.Time) error {
	ids, err := pausedTickets(ctx, q, tenantID, s.ID)
	if err != nil || len(ids) == 0 {
		return err
	}
	slices.Sort(ids) // batches of neighbours: each reads and writes a few pages of the table, not some everywhere
	tm, err := loadTimer(ctx, q, tenantID, 0)
	if err != nil {
		return err
	}
	lock := ""
	if q.Engine() == db.Postgres {
		lock = " FOR UPDATE" // a staff change of one of them waits, then judges by the row (statusClock)
	}
	// "+t.status_id" keeps SQLite off the status's index, which would read every
	// ticket of the status for each batch. A short last batch is filled up with id 0,
	// no ticket's: one text for every batch.
	read := `SELECT t.id, ` + clockCols + ` FROM tickets t WHERE t.tenant_id = ? AND +t.status_id = ?
		AND t.sla_paused_at IS NOT NULL AND t.id IN (` + db.Marks(kindBatch) + `) ORDER BY t.id` + lock
	row := "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))"
	write := `WITH v (id, due, start, used, next) AS (VALUES ` + strings.Repeat(row+", ", kindBatch-1) + row + `)
		UPDATE tickets SET resolution_due_at = v.due, resolution_start_at = v.start, sla_paused_at = NULL,
		sla_counted_before = v.used, sla_due_at = v.next FROM v WHERE tickets.tenant_id = ? AND tickets.id = v.id`
	at := now.Unix()
	for len(ids) > 0 {
		n := min(kindBatch, len(ids))
		args := []any{tenantID, s.ID}
		for i := range kindBatch {
			args = append(args, idAt(ids, i, n))
		}
		ids = ids[n:]
		clocks, err := batchClocks(ctx, q, read, args)
		if err != nil {
			return err
		}
		args = args[:0]
		for i := range kindBatch {
			if i >= len(clocks) {
				args = append(args, 0, nil, nil, nil, nil)
				continue
			}
			c := clocks[i]
			c.kind(s.Kind)
			c.resume(tm, at)
			args = append(args, c.id, nullID(c.resDue), nullID(c.resStart), nullID(c.used), nullID(c.next()))
		}
		if _, err := q.Exec(ctx, write, append(args, tenantID)...); err != nil {
			return fmt.Errorf("ticket: resume status clocks: %w", err)
		}
	}
	return nil
}

// idAt is ids[i] within the first n, else 0.
func idAt(ids []int64, i, n int) int64 {
	if i < n {
		return ids[i]
	}
	return 0
}

// pausedTickets lists the ids of the tenant's tickets in a status whose clocks stand.
func pausedTickets(ctx context.Context, q db.Querier, tenantID, statusID int64) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND status_id = ? AND sla_paused_at IS NOT NULL`, tenantID, statusID)
	if err != nil {
		return nil, fmt.Errorf("ticket: status clocks: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ticket: status clocks: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// idClock is a ticket's clock with its id.
type idClock struct {
	id int64
	clock
}

// batchClocks reads a batch of clocks.
func batchClocks(ctx context.Context, q db.Querier, query string, args []any) ([]idClock, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: status clocks: %w", err)
	}
	defer rows.Close()
	var out []idClock
	for rows.Next() {
		var c idClock
		if err := c.scan(rows, &c.id); err != nil {
			return nil, fmt.Errorf("ticket: status clocks: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
