package twofactor

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// TOTP is a person's stored TOTP secret: pending until they confirmed a code.
type TOTP struct {
	Sealed   string // the secret, sealed by a Keyring
	Enabled  bool
	LastStep int64 // the newest step whose code was used; older and equal steps are refused
}

// Get loads an owner's TOTP row; db.ErrNotFound when there is none.
func (o Owner) Get(ctx context.Context, q db.Querier, tenantID, id int64) (TOTP, error) {
	var t TOTP
	var enabled *int64
	err := q.QueryRow(ctx, `SELECT secret, enabled_at, last_step FROM `+o.totp+` WHERE tenant_id = ? AND `+o.col+` = ?`,
		tenantID, id).Scan(&t.Sealed, &enabled, &t.LastStep)
	t.Enabled = enabled != nil
	return t, db.One(err)
}

// Enabled reports whether the owner has TOTP switched on.
func (o Owner) Enabled(ctx context.Context, q db.Querier, tenantID, id int64) (bool, error) {
	t, err := o.Get(ctx, q, tenantID, id)
	if err == db.ErrNotFound {
		return false, nil
	}
	return t.Enabled, err
}

// SetPending stores a new secret awaiting confirmation, replacing an earlier pending one.
// It never touches a switched-on secret.
func (o Owner) SetPending(ctx context.Context, q db.Querier, tenantID, id int64, sealed string, now time.Time) error {
	if _, err := q.Exec(ctx, `DELETE FROM `+o.totp+` WHERE tenant_id = ? AND `+o.col+` = ? AND enabled_at IS NULL`,
		tenantID, id); err != nil {
		return fmt.Errorf("twofactor: pending: %w", err)
	}
	if _, err := q.Exec(ctx, `INSERT INTO `+o.totp+` (`+o.col+`, tenant_id, secret, created_at) VALUES (?, ?, ?, ?)`,
		id, tenantID, sealed, now.Unix()); err != nil {
		return fmt.Errorf("twofactor: pending: %w", err)
	}
	return nil
}

// Enable switches a pending secret on; step is the step of the code that confirmed it,
// so that code cannot be used again to log in.
func (o Owner) Enable(ctx context.Context, q db.Querier, tenantID, id, step int64, now time.Time) error {
	res, err := q.Exec(ctx, `UPDATE `+o.totp+` SET enabled_at = ?, last_step = ? WHERE tenant_id = ? AND `+o.col+` = ?
		AND enabled_at IS NULL`, now.Unix(), step, tenantID, id)
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
func (o Owner) UseStep(ctx context.Context, q db.Querier, tenantID, id, step int64) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE `+o.totp+` SET last_step = ? WHERE tenant_id = ? AND `+o.col+` = ? AND last_step < ?`,
		step, tenantID, id, step)
	if err != nil {
		return false, fmt.Errorf("twofactor: use step: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// Remove switches TOTP off: the secret and the recovery codes go.
func (o Owner) Remove(ctx context.Context, q db.Querier, tenantID, id int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM `+o.totp+` WHERE tenant_id = ? AND `+o.col+` = ?`, tenantID, id); err != nil {
		return fmt.Errorf("twofactor: remove: %w", err)
	}
	if _, err := q.Exec(ctx, `DELETE FROM `+o.codes+` WHERE tenant_id = ? AND `+o.col+` = ?`, tenantID, id); err != nil {
		return fmt.Errorf("twofactor: remove codes: %w", err)
	}
	return nil
}

// EnabledIDs returns which of the tenant's owners have TOTP switched on (for lists).
func (o Owner) EnabledIDs(ctx context.Context, q db.Querier, tenantID int64) (map[int64]bool, error) {
	rows, err := q.Query(ctx, `SELECT `+o.col+` FROM `+o.totp+` WHERE tenant_id = ? AND enabled_at IS NOT NULL`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("twofactor: enabled list: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
