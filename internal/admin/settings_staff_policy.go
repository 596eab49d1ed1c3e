package admin

import (
	"context"
	"net/http"
	"slices"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/web"
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

// afterSettingsSaved says where a saved settings form goes on: back to the settings,
// or, when the rule "staff sign in with two factors" is now on and the admin who saved
// it has no second factor yet, straight to their setup with one message saying both
// (the gate would otherwise swallow the "saved" note on the way).
func (a *Admin) afterSettingsSaved(r *http.Request, v *visit, f web.Form) (msg, to string, err error) {
	if !slices.Contains(f.Values["features"], tenant.FeatureStaffTwoFactor) {
		return "admin.settings.saved", "/admin/settings", nil
	}
	on, err := twofactor.Staff.Enabled(r.Context(), a.env.DB, v.P.TenantID, v.P.StaffID)
	if err != nil || on {
		return "admin.settings.saved", "/admin/settings", err
	}
	return "staff_policy.saved_setup_now", staffSetup.To, nil
}
