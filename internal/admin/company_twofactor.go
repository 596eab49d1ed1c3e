package admin

import (
	"net/http"

	"pforte/internal/web"
)

// companyTwoFactorSave switches the company's requirement of two-factor authentication
// for all of its contacts.
func (a *Admin) companyTwoFactorSave(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err != "" {
		a.renderCompany(w, r, v, c, companyForm(c), http.StatusUnprocessableEntity)
		return
	}
	if err := a.svc.SetCompanyTwoFactor(r.Context(), v.P.TenantID, v.actor(r, a.env), c.ID, f.Get("require") == "1"); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "security.admin_saved", "/admin/companies/"+itoa(c.ID))
}
