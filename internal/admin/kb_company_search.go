package admin

import (
	"net/http"
	"strings"

	"pforte/internal/web"
)

// kbCompanySearch answers the new article form's company search (htmx): the picker's
// list again, with the companies ticked so far kept ticked. Only the tenant's
// companies are listed; ids of others are dropped (download.CompanyNames).
func (a *Admin) kbCompanySearch(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	p, err := a.picker(r, v, formIDs(q["company_id"]), strings.TrimSpace(q.Get("company_q")))
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, companyPickerList(p))
}
