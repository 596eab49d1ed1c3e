package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/web"
)

// staffTwoFactorConfirm switches TOTP on when the code fits and shows the recovery
// codes, once: they are not stored in readable form.
func (a *Admin) staffTwoFactorConfirm(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var codes []string
	if f.Err == "" {
		var err error
		codes, err = a.svc.ConfirmStaffTOTP(r.Context(), v.Tenant, v.P, f.Get("code"), a.env.ClientIP(r), a.env.Origin(r))
		if errors.Is(err, access.ErrTOTPOn) || errors.Is(err, db.ErrNotFound) {
			http.Redirect(w, r, "/admin/account#twofactor", http.StatusSeeOther)
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaffSetup(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.WakeWorker()
	web.Render(w, r, http.StatusOK, web.RecoveryCodesPage(v.chrome(r, "security.codes_title"), codes, true, "/admin/account", "/admin/account/twofactor/recovery/file"))
}
