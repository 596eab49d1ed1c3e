package portal

import (
	"net/http"

	"pforte/internal/web"
)

// twoFactorCompany lets a main contact require two factors of every contact of the
// active company (routed through mainOnly: plain users get 404).
func (p *Portal) twoFactorCompany(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err != "" {
		p.renderTwoFactorError(w, r, v, f)
		return
	}
	if err := p.svc.SetCompanyTwoFactor(r.Context(), v.P.TenantID, v.actor(r, p.env), v.P.CompanyID, f.Get("require") == "1"); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.Flash(w, r, "security.company_saved", "/account#twofactor")
}
