package contact

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// SetInvitedRole changes the role of an open invitation and nothing else: the link
// mailed stays valid and its expiry unchanged (SetAccess would restart it). The
// contact gets the role when they accept. db.ErrNotFound when the membership is not
// an invitation (any more).
func SetInvitedRole(ctx context.Context, q db.Querier, tenantID, id int64, role string) error {
	res, err := q.Exec(ctx, `UPDATE memberships SET role = ? WHERE tenant_id = ? AND id = ? AND access = ?`,
		role, tenantID, id, AccessInvited)
	if err != nil {
		return fmt.Errorf("contact: invited role: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}
