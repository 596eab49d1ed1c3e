package admin

import (
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/web"
)

// contactList shows one page of the tenant's contacts, optionally searched by name,
// email, phone or external id.
func (a *Admin) contactList(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	pg := web.Pager{Page: web.Page(r), Path: "/admin/contacts", Query: q}
	list, more, err := contact.List(r.Context(), a.env.DB, v.P.TenantID,
		contact.ListParams{Search: q.Get("q"), Offset: pg.Offset(), Limit: web.PerPage})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	pg.HasNext = more
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	companies, err := contact.CompanyNames(r.Context(), a.env.DB, v.P.TenantID, ids)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, contactListPage(v.chrome(r, "admin.contacts.title"), q.Get("q"), list, companies, pg))
}
