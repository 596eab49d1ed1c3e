package admin

import (
	"net/http"
	"net/url"

	"pforte/internal/company"
	"pforte/internal/web"
)

// companyList shows one page of the tenant's companies, optionally filtered by a search
// over name, customer number, domains, city and external id. Archived companies are
// listed apart (state=archived), so the everyday list holds only the live ones.
func (a *Admin) companyList(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	state := company.Live
	if q.Get("state") == company.Archived {
		state = company.Archived
	}
	pg := web.Pager{Page: web.Page(r), Path: "/admin/companies", Query: q}
	list, more, err := company.List(r.Context(), a.env.DB, v.P.TenantID,
		company.ListParams{Search: q.Get("q"), State: state, Offset: pg.Offset(), Limit: web.PerPage})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	pg.HasNext = more
	// An empty active list says whether archived companies exist (list_empty.go).
	var anyArchived bool
	if len(list) == 0 && state == company.Live && q.Get("q") == "" && pg.Page == 1 {
		archived, _, err := company.List(r.Context(), a.env.DB, v.P.TenantID, company.ListParams{State: company.Archived, Limit: 1})
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		anyArchived = len(archived) > 0
	}
	web.Render(w, r, http.StatusOK, companyListPage(v.chrome(r, "admin.companies.title"), q.Get("q"), state, list, pg, anyArchived))
}

// companyListURL is the company list in state with the search q.
func companyListURL(q, state string) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if state != company.Live {
		v.Set("state", state)
	}
	if len(v) == 0 {
		return "/admin/companies"
	}
	return "/admin/companies?" + v.Encode()
}
