package admin

import (
	"net/http"

	"pforte/internal/staff"
	"pforte/internal/web"
)

// staffUpdate changes a member's role and whether they may log in. A member of another
// tenant is a 404; demoting or deactivating the last admin is refused in that row.
func (a *Admin) staffUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" && f.Get("active") == "" && f.Get("unassign_ok") != "1" {
		if asked, err := a.askUnassign(w, r, v, id, f.Get("role")); asked || err != nil {
			if err != nil {
				a.env.Fail(w, r, err)
			}
			return
		}
	}
	if f.Err == "" {
		active := f.Get("active") != ""
		err := a.svc.UpdateStaff(r.Context(), v.Tenant, v.actor(r, a.env), id, f.Get("role"), active)
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err) // db.ErrNotFound (another tenant's member) becomes the 404
			return
		}
	}
	if f.Invalid() {
		view := staffView{New: web.NewForm(), RowID: id, RowErr: f.Err}
		if view.RowErr == "" {
			for _, m := range f.Errors { // one field per row form: show its message
				view.RowErr = m.ID
			}
		}
		view.New.Set("role", staff.RoleAgent)
		a.renderStaff(w, r, v, view, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.staff.saved", "/admin/staff")
}
