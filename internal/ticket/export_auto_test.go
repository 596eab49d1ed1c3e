package ticket

import (
	"context"
	"time"

	"pforte/internal/db"
)

// DueCount runs the sweep's listing of due tickets (dueTickets) for benchmarks.
func DueCount(ctx context.Context, q db.Querier, tenantID int64, step string, by time.Time) (int, error) {
	due, err := dueTickets(ctx, q, tenantID, step, by)
	return len(due), err
}
