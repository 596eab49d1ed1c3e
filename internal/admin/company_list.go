package admin

import (
	"net/http"

	"pforte/internal/company"
	"pforte/internal/web"
)

// companyList shows one page of the tenant's companies, optionally filtered by a search
// over name, customer number, domains, city and external id.
func (a *Admin) companyList(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	pg := web.Pager{Page: web.Page(r), Path: "/admin/companies", Query: q}
	list, more, err := company.List(r.Context(), a.env.DB, v.P.TenantID,
		company.ListParams{Search: q.Get("q"), Offset: pg.Offset(), Limit: web.PerPage})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	pg.HasNext = more
	web.Render(w, r, http.StatusOK, companyListPage(v.chrome(r, "admin.companies.title"), q.Get("q"), list, pg))
}
