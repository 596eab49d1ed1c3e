package twofactor

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
)

// ChallengeTTL is how long the second step of a login waits for its code.
const ChallengeTTL = 10 * time.Minute

// Challenge is a login whose password was right and whose second factor is still
// missing. It lives in the database (any instance can finish it) under the hash of a
// random token that the browser holds in a cookie; it is not a session and opens no page.
type Challenge struct {
	ID        int64
	TenantID  int64
	ContactID int64
	CompanyID int64
	// InvitationTokenID is the invitation this sign-in accepts (0: none): it is used up,
	// and its membership activated, only when the second step succeeds.
	InvitationTokenID int64
}

// NewChallenge stores a challenge and returns its raw token.
func NewChallenge(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64, now time.Time) (string, error) {
	return newChallenge(ctx, q, tenantID, contactID, companyID, nil, now)
}

// NewInvitationChallenge stores a challenge that, once its code is right, accepts the
// invitation token tokenID for companyID, and returns its raw token.
func NewInvitationChallenge(ctx context.Context, q db.Querier, tenantID, contactID, companyID, tokenID int64, now time.Time) (string, error) {
	return newChallenge(ctx, q, tenantID, contactID, companyID, tokenID, now)
}

// newChallenge stores a challenge; tokenID is nil or the invitation token's id.
func newChallenge(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64, tokenID any, now time.Time) (string, error) {
	raw, hash := auth.NewToken()
	if _, err := q.Exec(ctx, `DELETE FROM login_challenges WHERE expires_at < ?`, now.Unix()); err != nil {
		return "", fmt.Errorf("twofactor: prune challenges: %w", err)
	}
	_, err := q.Exec(ctx, `INSERT INTO login_challenges (token_hash, tenant_id, contact_id, company_id, invitation_token_id,
		expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, hash, tenantID, contactID, companyID, tokenID,
		now.Add(ChallengeTTL).Unix(), now.Unix())
	if err != nil {
		return "", fmt.Errorf("twofactor: challenge: %w", err)
	}
	return raw, nil
}

// LookupChallenge finds a live challenge of the tenant; db.ErrNotFound otherwise.
func LookupChallenge(ctx context.Context, q db.Querier, tenantID int64, raw string, now time.Time) (Challenge, error) {
	var c Challenge
	if raw == "" {
		return c, db.ErrNotFound
	}
	var inv *int64
	err := q.QueryRow(ctx, `SELECT id, tenant_id, contact_id, company_id, invitation_token_id FROM login_challenges
		WHERE token_hash = ? AND tenant_id = ? AND expires_at > ?`, auth.HashToken(raw), tenantID, now.Unix()).
		Scan(&c.ID, &c.TenantID, &c.ContactID, &c.CompanyID, &inv)
	if inv != nil {
		c.InvitationTokenID = *inv
	}
	return c, db.One(err)
}

// EndChallenge deletes a challenge and reports whether it was still there, so one
// challenge yields at most one session.
func EndChallenge(ctx context.Context, q db.Querier, id int64) (bool, error) {
	res, err := q.Exec(ctx, `DELETE FROM login_challenges WHERE id = ?`, id)
	if err != nil {
		return false, fmt.Errorf("twofactor: end challenge: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// EndChallenges deletes every open challenge of a contact: after a password change or
// reset, a password typed before must not finish a login (the contacts' counterpart of
// EndStaffChallenges).
func EndChallenges(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM login_challenges WHERE tenant_id = ? AND contact_id = ?`, tenantID, contactID); err != nil {
		return fmt.Errorf("twofactor: end challenges: %w", err)
	}
	return nil
}
