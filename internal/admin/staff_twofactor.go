package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// staffTwoFactorStart makes a new pending secret and shows it.
func (a *Admin) staffTwoFactorStart(w http.ResponseWriter, r *http.Request, v *visit) {
	err := a.svc.StartStaffTOTP(r.Context(), v.Tenant, v.P)
	if errors.Is(err, access.ErrTOTPOn) {
		a.env.FlashInfo(w, r, "security.already_on", "/admin/account")
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/account/twofactor/setup", http.StatusSeeOther)
}

func (a *Admin) renderStaffSetup(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	required := v.Tenant.Has(tenant.FeatureStaffTwoFactor)
	setup, err := a.svc.PendingStaffTOTP(r.Context(), v.Tenant, v.P)
	if errors.Is(err, db.ErrNotFound) && required {
		// The setup gate sends here a member who never pressed "set up": start it, so
		// the QR code is the first thing they see. A pending secret is kept, so a
		// reload does not replace the one the app may have scanned already.
		if err = a.svc.StartStaffTOTP(r.Context(), v.Tenant, v.P); err == nil {
			setup, err = a.svc.PendingStaffTOTP(r.Context(), v.Tenant, v.P)
		}
	}
	if errors.Is(err, db.ErrNotFound) || errors.Is(err, access.ErrTOTPOn) {
		http.Redirect(w, r, "/admin/account#twofactor", http.StatusSeeOther)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	cancel := "/admin/account"
	if required { // there is nowhere to go back to before the setup is done
		cancel = ""
	}
	web.Render(w, r, status, web.TOTPSetupPage(v.chrome(r, "security.setup_title"), setup.QR, setup.Secret, f,
		"/admin/account/twofactor/confirm", cancel))
}
