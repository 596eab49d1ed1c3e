package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// staffResend sends a new invitation to a staff member who has not set a password yet;
// the earlier link stops working.
func (a *Admin) staffResend(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	err := a.svc.ResendStaffInvitation(r.Context(), v.Tenant, v.actor(r, a.env), id, a.env.Origin(r))
	if errors.Is(err, access.ErrHasPassword) {
		a.env.Flash(w, r, "admin.staff.resend_failed", "/admin/staff")
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.WakeWorker()
	a.env.Flash(w, r, "admin.staff.resent", "/admin/staff")
}
