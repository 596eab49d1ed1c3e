package admin

import (
	"net/http"

	"pforte/internal/web"
)

// staffTwoFactorRecovery replaces the recovery codes (a current code or the password
// proves it is the member) and shows the new ones once.
func (a *Admin) staffTwoFactorRecovery(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var codes []string
	if f.Err == "" {
		var err error
		if codes, err = a.svc.RenewStaffRecoveryCodes(r.Context(), v.P, f.Raw("proof"), a.env.ClientIP(r)); err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaffAccount(w, r, v, staffAccountView{TwoFactor: web.TwoFactorState{F: f}}, http.StatusUnprocessableEntity)
		return
	}
	web.Render(w, r, http.StatusOK, web.RecoveryCodesPage(v.chrome(r, "security.codes_title"), codes, false, "/admin/account", "/admin/account/twofactor/recovery/file"))
}
