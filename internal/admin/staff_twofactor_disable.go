package admin

import (
	"net/http"

	"pforte/internal/web"
)

// staffTwoFactorDisable switches TOTP off after checking the password.
func (a *Admin) staffTwoFactorDisable(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := a.svc.DisableStaffTOTP(r.Context(), v.Tenant, v.P, f.Raw("password"), a.env.ClientIP(r), a.env.Origin(r))
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaffAccount(w, r, v, staffAccountView{TwoFactor: web.TwoFactorState{F: f}}, http.StatusUnprocessableEntity)
		return
	}
	a.env.WakeWorker()
	// To #main, where the flash is: the form posted to #twofactor (web.TwoFactorSection).
	a.env.Flash(w, r, "security.disabled", "/admin/account#main")
}
