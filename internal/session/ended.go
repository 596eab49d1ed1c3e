package session

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/auth"
	"pforte/internal/db"
)

// endedSQL ends sessions without deleting them: expired five minutes before their last
// request, which every lookup refuses (and the account page no longer lists), while
// the row stays until the janitor sweeps it when the session would have idled out
// anyway (server.Sweep). Until then the browser that held one can be told why it was
// signed out (TakeEnded). The five minutes are for clocks: the last request's time was
// stamped by whichever instance served it, and one whose clock runs behind must refuse
// the session too. Callers append the WHERE clause.
const endedSQL = `UPDATE sessions SET expires_at = CASE WHEN last_seen_at < expires_at THEN last_seen_at ELSE expires_at END - 300 `

// TakeEnded names the company a contact's ended session was acting for, when the
// contact has lost their access to it (revoked, or the company archived), and deletes
// the session; "" when raw is no such session: unknown or made up, one that idled
// out while its company is still the contact's, a staff session or a preview. Only the
// browser holding the session's cookie value has raw, so nobody else learns the
// company this way.
func TakeEnded(ctx context.Context, q db.Querier, tenantID int64, raw string) (string, error) {
	var id int64
	var name string
	err := q.QueryRow(ctx, `SELECT s.id, co.name FROM sessions s
		JOIN companies co ON co.id = s.company_id AND co.tenant_id = s.tenant_id
		WHERE s.token_hash = ? AND s.tenant_id = ? AND s.contact_id IS NOT NULL AND s.preview_by IS NULL
		AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = s.tenant_id AND m.contact_id = s.contact_id
			AND m.company_id = s.company_id AND m.access = 'active' AND co.archived_at IS NULL)`,
		auth.HashToken(raw), tenantID).Scan(&id, &name)
	switch err = db.One(err); {
	case errors.Is(err, db.ErrNotFound):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("session: ended: %w", err)
	}
	if _, err := q.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
		return "", fmt.Errorf("session: ended: %w", err)
	}
	return name, nil
}
