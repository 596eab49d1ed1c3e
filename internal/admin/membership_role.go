package admin

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// accessRole changes the role of an open invitation without resending it (the
// invited row's "Change role" button): the link already mailed keeps working and
// grants the new role.
func (a *Admin) accessRole(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	back := web.BackTo(r, "/admin/contacts")
	if f.Err != "" {
		a.env.Flash(w, r, "admin.members.role_failed", back)
		return
	}
	changed, err := a.svc.InvitedRole(r.Context(), v.Tenant, v.actor(r, a.env), id, f.Get("role"))
	switch {
	case errors.Is(err, db.ErrNotFound):
		a.env.NotFound(w, r)
	case errors.As(err, new(validate.Errors)):
		a.env.Flash(w, r, "admin.members.role_failed", back)
	case err != nil:
		a.env.Fail(w, r, err)
	case changed:
		a.env.Flash(w, r, "qa2_people.members.invited_role_changed", back)
	default:
		a.env.FlashInfo(w, r, "admin.members.role_unchanged", back)
	}
}
