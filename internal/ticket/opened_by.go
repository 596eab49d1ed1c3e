package ticket

import (
	"context"

	"pforte/internal/db"
)

// OpenedBy lists the tickets a contact opened, in any company of the tenant, newest
// activity first: at most limit, and whether there are more. For staff (the contact's
// page), so every status counts. The opener index (tickets_opener) finds a contact's
// tickets; even a busy contact's few hundred are sorted in a moment.
func OpenedBy(ctx context.Context, q db.Querier, tenantID, contactID int64, limit int) ([]Ticket, bool, error) {
	return page(ctx, q, queueRow, `t.tenant_id = ? AND t.contact_id = ?`, []any{tenantID, contactID}, Filter{Limit: limit})
}
