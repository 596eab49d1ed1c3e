package company

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// RequireLive checks, inside the transaction q that files something new under
// company id (a contact, a membership, a ticket, portal access), that the company is
// not archived: ErrArchived when it is, db.ErrNotFound when it is not the tenant's.
// Checked before the transaction only, a colleague's archive could slip in between.
// On PostgreSQL the row is read FOR SHARE, so an Archive running at the same moment
// waits for this transaction (and then ends the sessions it opened); SQLite's
// transactions are serialised already (they start IMMEDIATE).
func RequireLive(ctx context.Context, q db.Querier, tenantID, id int64) error {
	lock := ""
	if q.Engine() == db.Postgres {
		lock = " FOR SHARE"
	}
	var archived bool
	err := q.QueryRow(ctx, `SELECT archived_at IS NOT NULL FROM companies WHERE tenant_id = ? AND id = ?`+lock,
		tenantID, id).Scan(&archived)
	if err = db.One(err); errors.Is(err, db.ErrNotFound) {
		return err
	} else if err != nil {
		return fmt.Errorf("company: require live %d: %w", id, err)
	}
	if archived {
		return ErrArchived
	}
	return nil
}
