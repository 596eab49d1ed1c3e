package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// staffWithdraw takes back the invitation of a member who never signed in: the member
// and their link are deleted. A member who has signed in is deactivated instead.
func (a *Admin) staffWithdraw(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	_, err := a.svc.WithdrawStaffInvitation(r.Context(), v.Tenant, v.actor(r, a.env), id)
	switch {
	case errors.Is(err, access.ErrSignedIn):
		a.env.Flash(w, r, "qa2_people.staff.withdraw_failed", "/admin/staff")
	case err != nil:
		a.env.Fail(w, r, err) // db.ErrNotFound (another tenant's member) becomes the 404
	default:
		a.env.Flash(w, r, "qa2_people.staff.withdrawn", "/admin/staff")
	}
}
