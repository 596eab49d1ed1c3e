package admin

import (
	"net/http"

	"pforte/internal/staff"
	"pforte/internal/web"
)

// staffCreate invites a new staff member; they get a mail with a link to set a password.
func (a *Admin) staffCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		if err := a.warnContactEmail(r, v, &f); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() {
		m := staff.Member{Name: f.Get("name"), Email: f.Get("email"), Role: f.Get("role")}
		_, err := a.svc.InviteStaff(r.Context(), v.Tenant, v.actor(r, a.env), m, a.env.Origin(r))
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaff(w, r, v, staffView{New: f}, http.StatusUnprocessableEntity)
		return
	}
	a.env.WakeWorker() // deliver the invitation now rather than at the worker's next poll
	a.env.Flash(w, r, "admin.staff.invited", "/admin/staff")
}
