package twofactor

import (
	"context"
	"time"

	"pforte/internal/db"
)

// The package-level functions are the contacts' (the portal's) calls, kept so the
// portal reads as before; staff use the methods of Staff.

// Get loads a contact's TOTP row; db.ErrNotFound when there is none.
func Get(ctx context.Context, q db.Querier, tenantID, contactID int64) (TOTP, error) {
	return Contacts.Get(ctx, q, tenantID, contactID)
}

// Enabled reports whether a contact has TOTP switched on.
func Enabled(ctx context.Context, q db.Querier, tenantID, contactID int64) (bool, error) {
	return Contacts.Enabled(ctx, q, tenantID, contactID)
}

// SetPending stores a contact's new secret awaiting confirmation.
func SetPending(ctx context.Context, q db.Querier, tenantID, contactID int64, sealed string, now time.Time) error {
	return Contacts.SetPending(ctx, q, tenantID, contactID, sealed, now)
}

// Enable switches a contact's pending secret on.
func Enable(ctx context.Context, q db.Querier, tenantID, contactID, step int64, now time.Time) error {
	return Contacts.Enable(ctx, q, tenantID, contactID, step, now)
}

// UseStep records that a contact used the code of step (false: used before).
func UseStep(ctx context.Context, q db.Querier, tenantID, contactID, step int64) (bool, error) {
	return Contacts.UseStep(ctx, q, tenantID, contactID, step)
}

// Remove switches a contact's TOTP off.
func Remove(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	return Contacts.Remove(ctx, q, tenantID, contactID)
}

// ReplaceRecoveryCodes drops a contact's recovery codes and stores the given hashes.
func ReplaceRecoveryCodes(ctx context.Context, q db.Querier, tenantID, contactID int64, hashes []string, now time.Time) error {
	return Contacts.ReplaceRecoveryCodes(ctx, q, tenantID, contactID, hashes, now)
}

// UseRecoveryCode uses up a contact's unused code with this hash, if there is one.
func UseRecoveryCode(ctx context.Context, q db.Querier, tenantID, contactID int64, hash string, now time.Time) (bool, error) {
	return Contacts.UseRecoveryCode(ctx, q, tenantID, contactID, hash, now)
}

// RecoveryLeft counts a contact's unused recovery codes.
func RecoveryLeft(ctx context.Context, q db.Querier, tenantID, contactID int64) (int, error) {
	return Contacts.RecoveryLeft(ctx, q, tenantID, contactID)
}
