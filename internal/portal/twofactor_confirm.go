package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/web"
)

// twoFactorConfirm switches TOTP on when the code fits and shows the recovery codes,
// once: they are not stored in readable form.
func (p *Portal) twoFactorConfirm(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var codes []string
	if f.Err == "" {
		var err error
		codes, err = p.svc.ConfirmTOTP(r.Context(), v.Tenant, v.P, f.Get("code"), p.env.ClientIP(r), p.env.Origin(r))
		if errors.Is(err, access.ErrTOTPOn) || errors.Is(err, db.ErrNotFound) {
			http.Redirect(w, r, "/account#twofactor", http.StatusSeeOther)
			return
		}
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderSetup(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	p.env.WakeWorker()
	web.Render(w, r, http.StatusOK, web.RecoveryCodesPage(v.chrome(r, "security.codes_title", "account"), codes, true, "/account", "/account/twofactor/recovery/file"))
}
