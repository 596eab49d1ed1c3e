package portal

import (
	"net/http"

	"pforte/internal/web"
)

// twoFactorCompany lets a main contact require two factors of every contact of the
// active company (routed through mainOnly: plain users get 404). The form is on the
// Colleagues page; the route kept its address under /account.
func (p *Portal) twoFactorCompany(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err != "" { // the section has no field to show it at: the page's flash says it
		p.colleagueRefused(w, r, v, f.Err)
		return
	}
	if err := p.svc.SetCompanyTwoFactor(r.Context(), v.P.TenantID, v.actor(r, p.env), v.P.CompanyID, f.Get("require") == "1"); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.Flash(w, r, ruleSaved, "/colleagues#twofactor-rule")
}
