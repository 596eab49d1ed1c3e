package twofactor

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// TOTP is a contact's stored TOTP secret: pending until the contact confirmed a code.
type TOTP struct {
	Sealed   string // the secret, sealed by a Keyring
	Enabled  bool
	LastStep int64 // the newest step whose code was used; older and equal steps are refused
}

// Get loads a contact's TOTP row; db.ErrNotFound when there is none.
func Get(ctx context.Context, q db.Querier, tenantID, contactID int64) (TOTP, error) {
	var t TOTP
	var enabled *int64
	err := q.QueryRow(ctx, `SELECT secret, enabled_at, last_step FROM contact_totp WHERE tenant_id = ? AND contact_id = ?`,
		tenantID, contactID).Scan(&t.Sealed, &enabled, &t.LastStep)
	t.Enabled = enabled != nil
	return t, db.One(err)
}

// Enabled reports whether a contact has TOTP switched on.
func Enabled(ctx context.Context, q db.Querier, tenantID, contactID int64) (bool, error) {
	t, err := Get(ctx, q, tenantID, contactID)
	if err == db.ErrNotFound {
		return false, nil
	}
	return t.Enabled, err
}

// SetPending stores a new secret awaiting confirmation, replacing an earlier pending one.
// It never touches a switched-on secret.
func SetPending(ctx context.Context, q db.Querier, tenantID, contactID int64, sealed string, now time.Time) error {
	if _, err := q.Exec(ctx, `DELETE FROM contact_totp WHERE tenant_id = ? AND contact_id = ? AND enabled_at IS NULL`,
		tenantID, contactID); err != nil {
		return fmt.Errorf("twofactor: pending: %w", err)
	}
	if _, err := q.Exec(ctx, `INSERT INTO contact_totp (contact_id, tenant_id, secret, created_at) VALUES (?, ?, ?, ?)`,
		contactID, tenantID, sealed, now.Unix()); err != nil {
		return fmt.Errorf("twofactor: pending: %w", err)
	}
	return nil
}

// Enable switches a pending secret on; step is the step of the code that confirmed it,
// so that code cannot be used again to log in.
func Enable(ctx context.Context, q db.Querier, tenantID, contactID, step int64, now time.Time) error {
	res, err := q.Exec(ctx, `UPDATE contact_totp SET enabled_at = ?, last_step = ? WHERE tenant_id = ? AND contact_id = ?
		AND enabled_at IS NULL`, now.Unix(), step, tenantID, contactID)
	if err != nil {
		return fmt.Errorf("twofactor: enable: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return db.ErrNotFound
	}
	return nil
}

// UseStep records that the code of step was used and reports false when that step (or a
// later one) was used before: a code works once, even when two requests race.
func UseStep(ctx context.Context, q db.Querier, tenantID, contactID, step int64) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE contact_totp SET last_step = ? WHERE tenant_id = ? AND contact_id = ? AND last_step < ?`,
		step, tenantID, contactID, step)
	if err != nil {
		return false, fmt.Errorf("twofactor: use step: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// Remove switches TOTP off: the secret and the recovery codes go.
func Remove(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM contact_totp WHERE tenant_id = ? AND contact_id = ?`, tenantID, contactID); err != nil {
		return fmt.Errorf("twofactor: remove: %w", err)
	}
	if _, err := q.Exec(ctx, `DELETE FROM recovery_codes WHERE tenant_id = ? AND contact_id = ?`, tenantID, contactID); err != nil {
		return fmt.Errorf("twofactor: remove codes: %w", err)
	}
	return nil
}
