package access

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// errSignInGone rolls back a sign-in whose contact changed after the credentials were
// checked; the caller answers as for a wrong password.
var errSignInGone = errors.New("access: contact changed during sign-in")

// requireSameContact re-reads the contact in the sign-in's write transaction: the
// address must still be the one the credentials were checked for, and not an erased
// one. An erasure or an address change committed since then ends the sign-in before a
// session opens or the old address goes into the audit log. On PostgreSQL the row is
// read FOR SHARE, so an erasure running at the same moment waits for this transaction
// (and then ends the session it opened); SQLite's transactions are serialised already.
func requireSameContact(ctx context.Context, tx *db.Tx, tenantID, contactID int64, email string) error {
	lock := ""
	if tx.Engine() == db.Postgres {
		lock = " FOR SHARE"
	}
	var now string
	err := db.One(tx.QueryRow(ctx, `SELECT email FROM contacts WHERE tenant_id = ? AND id = ?`+lock,
		tenantID, contactID).Scan(&now))
	switch {
	case errors.Is(err, db.ErrNotFound):
		return errSignInGone
	case err != nil:
		return fmt.Errorf("access: re-read contact: %w", err)
	case now != email || IsDeletedEmail(now):
		return errSignInGone
	}
	return nil
}
