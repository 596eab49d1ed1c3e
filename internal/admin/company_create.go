package admin

import (
	"net/http"

	"pforte/internal/company"
	"pforte/internal/web"
)

func (a *Admin) companyCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var c company.Company
	if f.Err == "" && f.Get("same_name_ok") != "1" {
		if err := a.checkSameName(r, v, &f, 0); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() {
		var err error
		in := companyFromForm(f, nil)
		in.TenantID = v.P.TenantID
		c, err = a.createCompany(r, v, in)
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, companyNewPage(v.chrome(r, "admin.companies.new"), f))
		return
	}
	a.env.Flash(w, r, "admin.companies.created", "/admin/companies/"+itoa(c.ID))
}
