package admin

import (
	"net/http"

	"pforte/internal/web"
)

func (a *Admin) companyUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" && f.Get("same_name_ok") != "1" && renamed(c.Name, f.Get("name")) {
		if err := a.checkSameName(r, v, &f, c.ID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() {
		in := companyFromForm(f, c.Domains())
		in.ID, in.TenantID = c.ID, c.TenantID
		if err := a.updateCompany(r, v, c, in); err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderCompany(w, r, v, c, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/companies/"+itoa(c.ID))
}
