package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/contact"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// companyGrant grants portal access to several contacts of a company at once (the
// checked rows of the company page), each with its own invitation.
func (a *Admin) companyGrant(w http.ResponseWriter, r *http.Request, v *visit) {
	co, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	back := "/admin/companies/" + itoa(co.ID)
	ids := f.Values["membership_id"]
	if f.Err != "" || len(ids) == 0 {
		a.env.Flash(w, r, "admin.members.none_selected_failed", back)
		return
	}
	failed := 0
	for _, raw := range ids {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			failed++
			continue
		}
		// Only memberships of this company: an id from elsewhere is a 404, as always.
		m, err := contact.GetMembership(r.Context(), a.env.DB, v.P.TenantID, id)
		if err != nil || m.CompanyID != co.ID {
			a.env.NotFound(w, r)
			return
		}
		err = a.svc.Grant(r.Context(), v.Tenant, v.actor(r, a.env), m.ID, f.Get("role"), a.env.Origin(r))
		var ve validate.Errors
		if errors.As(err, &ve) {
			failed++
			continue
		}
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	a.env.WakeWorker()
	if failed > 0 {
		a.env.Flash(w, r, "admin.members.grant_some_failed", back)
		return
	}
	a.env.Flash(w, r, "admin.members.granted_bulk", back)
}
