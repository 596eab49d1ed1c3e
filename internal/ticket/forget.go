package ticket

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// ForgetContactName puts name (the placeholder of an erased contact) in place of the
// contact's name where tickets keep it as written: the author of their messages and the
// actor of their events. What they wrote stays with the company; who wrote it reads as
// the erased contact. Erasures are rare, so the tenant's messages are scanned rather
// than indexed by contact.
func ForgetContactName(ctx context.Context, q db.Querier, tenantID, contactID int64, name string) error {
	if _, err := q.Exec(ctx, `UPDATE ticket_messages SET author = ? WHERE tenant_id = ? AND contact_id = ? AND author <> ?`,
		name, tenantID, contactID, name); err != nil {
		return fmt.Errorf("ticket: forget contact's name on messages: %w", err)
	}
	if _, err := q.Exec(ctx, `UPDATE ticket_events SET actor = ? WHERE tenant_id = ? AND contact_id = ? AND actor <> ''
		AND actor <> ?`, name, tenantID, contactID, name); err != nil {
		return fmt.Errorf("ticket: forget contact's name on events: %w", err)
	}
	return nil
}
