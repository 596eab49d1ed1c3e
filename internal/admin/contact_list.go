package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/web"
)

// contactFilter is what the contact list was asked for.
type contactFilter struct {
	Q      string
	Access string
}

// accessFilters are the choices of the list's access filter ("" = all contacts).
var accessFilters = []string{"", "portal", "active", "invited", "expired", "revoked", "none"}

// contactList shows one page of the tenant's contacts, optionally searched by name,
// email, phone or external id.
func (a *Admin) contactList(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	pg := web.Pager{Page: web.Page(r), Path: "/admin/contacts", Query: q}
	list, more, err := contact.List(r.Context(), a.env.DB, v.P.TenantID, contact.ListParams{Search: q.Get("q"),
		Access: q.Get("access"), ExpiredBefore: a.env.Now().Add(-access.InvitationTTL).Unix(),
		Offset: pg.Offset(), Limit: web.PerPage})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	pg.HasNext = more
	ids := make([]int64, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	ms, err := contact.MembershipsOfContacts(r.Context(), a.env.DB, v.P.TenantID, ids)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	rows := make(map[int64][]memberRow, len(ms))
	for id, list := range ms {
		rows[id] = a.rows(list)
	}
	filter := contactFilter{Q: q.Get("q"), Access: q.Get("access")}
	web.Render(w, r, http.StatusOK, contactListPage(v.chrome(r, "admin.contacts.title"), filter, list, rows, pg))
}
