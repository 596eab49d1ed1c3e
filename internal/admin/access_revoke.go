package admin

import (
	"net/http"

	"pforte/internal/web"
)

// accessRevoke withdraws portal access and ends the contact's sessions in the company.
func (a *Admin) accessRevoke(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	if err := a.svc.Revoke(r.Context(), v.Tenant, v.actor(r, a.env), id); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "admin.members.revoked", web.BackTo(r, "/admin/contacts"))
}
