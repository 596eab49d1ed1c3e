package admin

import (
	"net/http"

	"pforte/internal/web"
)

// staffAccountDetails saves the member's name and language.
func (a *Admin) staffAccountDetails(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := a.svc.UpdateOwnStaff(r.Context(), v.P, f.Get("name"), f.Get("language"), a.env.ClientIP(r))
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderStaffAccount(w, r, v, staffAccountView{Details: f}, http.StatusUnprocessableEntity)
		return
	}
	if f.Get("language") == "" {
		// No language of one's own: a language picked on a login page earlier (the
		// language cookie) would otherwise keep deciding over the browser's and the
		// portal's default.
		a.env.ClearCookie(w, r, web.LangCookie)
	}
	a.env.Flash(w, r, "staff_account.saved", "/admin/account")
}
