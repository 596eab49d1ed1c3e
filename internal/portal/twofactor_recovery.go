package portal

import (
	"net/http"

	"pforte/internal/web"
)

// twoFactorRecovery replaces the recovery codes (a current code or the password proves
// it is the contact) and shows the new ones once.
func (p *Portal) twoFactorRecovery(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var codes []string
	if f.Err == "" {
		var err error
		if codes, err = p.svc.RenewRecoveryCodes(r.Context(), v.P, f.Raw("proof"), p.env.ClientIP(r)); err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderTwoFactorError(w, r, v, f)
		return
	}
	web.Render(w, r, http.StatusOK, web.RecoveryCodesPage(v.chrome(r, "security.codes_title", "account"), codes, false, "/account", "/account/twofactor/recovery/file"))
}
