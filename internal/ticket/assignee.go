package ticket

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// Assignable checks that staffID may be given a ticket of the tenant and returns the
// member's name: ErrAssigneeInactive for a deactivated member or one of another tenant
// (no member of this one), ErrAssigneeInvited for one who never accepted the
// invitation (they would not see the ticket either): the rule Assign applies. A new
// ticket's form checks it before the ticket is stored, so that a refused assignee is
// said on the form even when the ticket repeats one sent a moment ago (repeat.go).
func Assignable(ctx context.Context, q db.Querier, tenantID, staffID int64) (string, error) {
	name, err := assignee(ctx, q, tenantID, staffID)
	if errors.Is(err, db.ErrNotFound) {
		return "", ErrAssigneeInactive
	}
	return name, err
}

// assignee applies the rule to staffID: active and signed in once. A member not of
// the tenant is db.ErrNotFound, which Assign reports as such (a forged id) and
// Assignable as an assignee no longer there.
func assignee(ctx context.Context, q db.Querier, tenantID, staffID int64) (string, error) {
	var name string
	var active, joined bool
	if err := q.QueryRow(ctx, `SELECT name, active, password_hash <> '' FROM staff WHERE tenant_id = ? AND id = ?`,
		tenantID, staffID).Scan(&name, &active, &joined); err != nil {
		return "", fmt.Errorf("ticket: assignee: %w", db.One(err))
	}
	switch {
	case !active:
		return "", ErrAssigneeInactive
	case !joined:
		return "", ErrAssigneeInvited
	}
	return name, nil
}
