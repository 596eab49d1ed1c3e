package twofactor

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
)

// StaffChallenge is a back-office login whose password was right and whose second
// factor is still missing (see Challenge; staff have no company to sign in to).
type StaffChallenge struct {
	ID       int64
	TenantID int64
	StaffID  int64
}

// NewStaffChallenge stores a staff member's challenge and returns its raw token.
func NewStaffChallenge(ctx context.Context, q db.Querier, tenantID, staffID int64, now time.Time) (string, error) {
	raw, hash := auth.NewToken()
	if _, err := q.Exec(ctx, `DELETE FROM staff_login_challenges WHERE expires_at < ?`, now.Unix()); err != nil {
		return "", fmt.Errorf("twofactor: prune staff challenges: %w", err)
	}
	_, err := q.Exec(ctx, `INSERT INTO staff_login_challenges (token_hash, tenant_id, staff_id, expires_at, created_at)
		VALUES (?, ?, ?, ?, ?)`, hash, tenantID, staffID, now.Add(ChallengeTTL).Unix(), now.Unix())
	if err != nil {
		return "", fmt.Errorf("twofactor: staff challenge: %w", err)
	}
	return raw, nil
}

// LookupStaffChallenge finds a live staff challenge of the tenant; db.ErrNotFound
// otherwise.
func LookupStaffChallenge(ctx context.Context, q db.Querier, tenantID int64, raw string, now time.Time) (StaffChallenge, error) {
	var c StaffChallenge
	if raw == "" {
		return c, db.ErrNotFound
	}
	err := q.QueryRow(ctx, `SELECT id, tenant_id, staff_id FROM staff_login_challenges
		WHERE token_hash = ? AND tenant_id = ? AND expires_at > ?`, auth.HashToken(raw), tenantID, now.Unix()).
		Scan(&c.ID, &c.TenantID, &c.StaffID)
	return c, db.One(err)
}

// EndStaffChallenge deletes a staff challenge and reports whether it was still there,
// so one challenge yields at most one session.
func EndStaffChallenge(ctx context.Context, q db.Querier, id int64) (bool, error) {
	res, err := q.Exec(ctx, `DELETE FROM staff_login_challenges WHERE id = ?`, id)
	if err != nil {
		return false, fmt.Errorf("twofactor: end staff challenge: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// EndStaffChallenges deletes every open challenge of a staff member: after a password
// change or reset, a password typed before must not finish a login.
func EndStaffChallenges(ctx context.Context, q db.Querier, tenantID, staffID int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM staff_login_challenges WHERE tenant_id = ? AND staff_id = ?`, tenantID, staffID); err != nil {
		return fmt.Errorf("twofactor: end staff challenges: %w", err)
	}
	return nil
}
