package admin

import (
	"context"
	"net/http"

	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// staffSetup holds a staff member of a tenant that requires two-factor sign-in of its
// staff, and who has none, at the setup (the portal's gate, applied to staff). Only the
// setup's own page and form stay open, and the language switch of its page frame;
// logout is not behind the gate at all.
var staffSetup = web.SetupGate{To: "/admin/account/twofactor/setup", Flash: "staff_policy.setup_required",
	Paths: []string{"/admin/account/twofactor/setup", "/admin/account/twofactor/confirm", "/admin/language"}}

// staffSetupGate applies staffSetup to the visit; it reports whether it answered the
// request.
func (a *Admin) staffSetupGate(w http.ResponseWriter, r *http.Request, v *visit) bool {
	if !v.Tenant.Has(tenant.FeatureStaffTwoFactor) { // the usual case costs no query
		return false
	}
	return staffSetup.Hold(a.env, w, r, func(ctx context.Context) (bool, error) {
		on, err := twofactor.Staff.Enabled(ctx, a.env.DB, v.P.TenantID, v.P.StaffID)
		return !on, err
	})
}
