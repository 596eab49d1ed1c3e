package admin

import (
	"context"
	"slices"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

// logStaffPolicy writes an audit entry of its own when a settings save switches the
// rule "staff sign in with two factors" (feats are the submitted features), so the log
// says who required or dropped it rather than only "settings changed". Call it in the
// save's transaction, before the features are stored.
func logStaffPolicy(ctx context.Context, tx *db.Tx, tenantID int64, feats []string, by access.Actor, now time.Time) error {
	before, err := tenant.Get(ctx, tx, tenantID)
	if err != nil {
		return err
	}
	on := slices.Contains(feats, tenant.FeatureStaffTwoFactor)
	if on == before.Has(tenant.FeatureStaffTwoFactor) {
		return nil
	}
	state := "off"
	if on {
		state = "on"
	}
	return audit.Log(ctx, tx, tenantID, by.Label, audit.StaffTwoFactorRequired, state, by.IP, now)
}
