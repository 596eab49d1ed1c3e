package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Token purposes.
const (
	PurposeSetup      = "setup"      // creates the first admin
	PurposeInvitation = "invitation" // a contact sets the first password
	PurposeStaff      = "staff"      // a new staff member sets the first password
	PurposeReset      = "reset"      // a contact who forgot the password sets a new one
	PurposeRegister   = "register"   // a self-registration confirms its email address
)

// Token errors a page turns into a clear message.
var (
	ErrTokenUnknown = errors.New("auth: link unknown")
	ErrTokenUsed    = errors.New("auth: link already used")
	ErrTokenExpired = errors.New("auth: link expired")
)

// Token is a stored single-use token.
type Token struct {
	ID           int64
	TenantID     int64
	Purpose      string
	StaffID      int64
	ContactID    int64
	MembershipID int64
	ExpiresAt    time.Time
}

// IssueToken stores a new token for t's tenant, purpose and subject (staff member,
// contact, membership) and returns the raw value to put into a link.
func IssueToken(ctx context.Context, q db.Querier, t Token, ttl time.Duration, now time.Time) (string, error) {
	raw, hash := NewToken()
	_, err := q.Exec(ctx, `INSERT INTO tokens (tenant_id, purpose, hash, staff_id, contact_id, membership_id, expires_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.TenantID, t.Purpose, hash, nullID(t.StaffID), nullID(t.ContactID),
		nullID(t.MembershipID), now.Add(ttl).Unix(), now.Unix())
	if err != nil {
		return "", fmt.Errorf("auth: issue token: %w", err)
	}
	return raw, nil
}

// LookupToken finds a usable token of the given purpose in the tenant; it says why not
// with ErrTokenUnknown, ErrTokenUsed or ErrTokenExpired.
func LookupToken(ctx context.Context, q db.Querier, tenantID int64, purpose, raw string, now time.Time) (Token, error) {
	var t Token
	var exp int64
	var used, staff, contact, membership *int64
	err := q.QueryRow(ctx, `SELECT id, tenant_id, purpose, staff_id, contact_id, membership_id, expires_at, used_at
		FROM tokens WHERE hash = ? AND tenant_id = ? AND purpose = ?`, HashToken(raw), tenantID, purpose).
		Scan(&t.ID, &t.TenantID, &t.Purpose, &staff, &contact, &membership, &exp, &used)
	if errors.Is(db.One(err), db.ErrNotFound) {
		return t, ErrTokenUnknown
	}
	if err != nil {
		return t, fmt.Errorf("auth: lookup token: %w", err)
	}
	t.ExpiresAt = time.Unix(exp, 0)
	if staff != nil {
		t.StaffID = *staff
	}
	if contact != nil {
		t.ContactID = *contact
	}
	if membership != nil {
		t.MembershipID = *membership
	}
	if used != nil {
		return t, ErrTokenUsed
	}
	if now.After(t.ExpiresAt) {
		return t, ErrTokenExpired
	}
	return t, nil
}

// ConsumeToken marks a token used. It fails with ErrTokenUsed when another request used it
// first, so a link works exactly once even under concurrent clicks.
func ConsumeToken(ctx context.Context, q db.Querier, id int64, now time.Time) error {
	res, err := q.Exec(ctx, `UPDATE tokens SET used_at = ? WHERE id = ? AND used_at IS NULL`, now.Unix(), id)
	if err != nil {
		return fmt.Errorf("auth: consume token: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrTokenUsed
	}
	return nil
}

// CancelTokens uses up a contact's open tokens of a purpose (all of them, or only those of
// one membership when membershipID is set), so a link sent earlier stops working when a
// new one is sent, access is revoked or the email address changes.
func CancelTokens(ctx context.Context, q db.Querier, tenantID, contactID, membershipID int64, purpose string, now time.Time) error {
	where, args := `tenant_id = ? AND contact_id = ? AND purpose = ? AND used_at IS NULL`, []any{tenantID, contactID, purpose}
	if membershipID > 0 {
		where += ` AND membership_id = ?`
		args = append(args, membershipID)
	}
	_, err := q.Exec(ctx, `UPDATE tokens SET used_at = ? WHERE `+where, append([]any{now.Unix()}, args...)...)
	if err != nil {
		return fmt.Errorf("auth: cancel tokens: %w", err)
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
