package admin

import (
	"net/http"

	"pforte/internal/web"
)

// staffPasswordChange changes the member's own password (the current one is required);
// the member's other sessions end and a notice is mailed.
func (a *Admin) staffPasswordChange(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := a.svc.ChangeStaffPassword(r.Context(), v.Tenant, v.P, f.Raw("current"), f.Raw("password"),
			f.Raw("password_confirm"), a.env.ClientIP(r), a.env.Origin(r))
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaffAccount(w, r, v, staffAccountView{Password: f}, http.StatusUnprocessableEntity)
		return
	}
	a.env.WakeWorker()
	a.env.Flash(w, r, "settings.password_changed", "/admin/account")
}
