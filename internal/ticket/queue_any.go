package ticket

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// AnyInTenant reports whether the tenant has any ticket at all, in any state. The
// back-office queue asks only when its first page without a filter came back empty,
// to tell "no open tickets" from "no tickets yet" (admin/ticket_list_empty.go). EXISTS
// on tenant_id stops at the first entry of an index that starts with it
// (tickets_queue and others), so it costs the same at a million tickets.
func AnyInTenant(ctx context.Context, q db.Querier, tenantID int64) (bool, error) {
	var n int
	if err := q.QueryRow(ctx, `SELECT CASE WHEN EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = ?) THEN 1 ELSE 0 END`,
		tenantID).Scan(&n); err != nil {
		return false, fmt.Errorf("ticket: any in tenant: %w", err)
	}
	return n > 0, nil
}
