package audit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// AuditExported: an admin downloaded the log's entries as a CSV file; the target
// names the filter.
const AuditExported = "audit_exported"

// rangeSlack is how far an entry's time may run behind a newer entry's: entries are
// numbered as their transactions write them and timed when the change began, so a
// slow transaction can store an older time under a higher id. An hour is far beyond
// any transaction the application runs.
const rangeSlack = time.Hour

// idBounds turns a time range into ids that narrow the walk down the (tenant, id)
// index, which the log's pages go by (newest first). Ids grow with time, so entries
// from `from` on have ids of at least lo, and entries before `to` ids below hi (0: no
// bound). The caller still compares the times; the ids only save reading the rest.
// The retention rules' index on (tenant, at) would find the first entry of a time, but
// not the lowest id from then on without reading every entry after it.
func idBounds(ctx context.Context, q db.Querier, tenantID int64, from, to time.Time) (lo, hi int64, err error) {
	if !from.IsZero() {
		if lo, err = firstIDFrom(ctx, q, tenantID, from.Add(-rangeSlack)); err != nil {
			return 0, 0, err
		}
	}
	if !to.IsZero() {
		if hi, err = firstIDFrom(ctx, q, tenantID, to.Add(rangeSlack)); err != nil {
			return 0, 0, err
		}
	}
	return lo, hi, nil
}

// firstIDFrom finds the lowest id of the tenant's entries written at or after at (one
// past the newest when none is), by halving the id range: some thirty index look-ups
// however long the log, instead of reading it.
func firstIDFrom(ctx context.Context, q db.Querier, tenantID int64, at time.Time) (int64, error) {
	var lo, hi int64
	if err := q.QueryRow(ctx, `SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM audit_log WHERE tenant_id = ?`,
		tenantID).Scan(&lo, &hi); err != nil {
		return 0, fmt.Errorf("audit: range: %w", err)
	}
	hi++ // hi: an id known to be at or after at (one past the newest)
	for lo < hi {
		mid := lo + (hi-lo)/2
		var id, when int64
		err := q.QueryRow(ctx, `SELECT id, at FROM audit_log WHERE tenant_id = ? AND id >= ? ORDER BY id LIMIT 1`,
			tenantID, mid).Scan(&id, &when)
		switch {
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("audit: range: %w", err)
		case err != nil || when >= at.Unix(): // from mid on, every entry is at or after at
			hi = mid
		default: // the entries up to id are all before at
			lo = id + 1
		}
	}
	return lo, nil
}
