package portal

import (
	"net/http"

	"pforte/internal/web"
)

// twoFactorDisable switches TOTP off after checking the password.
func (p *Portal) twoFactorDisable(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := p.svc.DisableTOTP(r.Context(), v.Tenant, v.P, f.Raw("password"), p.env.ClientIP(r), p.env.Origin(r))
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderTwoFactorError(w, r, v, f)
		return
	}
	p.env.WakeWorker()
	// To #main, where the flash is: the form posted to #twofactor, which a redirect
	// without a fragment of its own would keep.
	p.env.Flash(w, r, "security.disabled", "/account#main")
}
