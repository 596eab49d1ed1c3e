package admin

import (
	"net/http"

	"pforte/internal/web"
)

func (a *Admin) staffForgotForm(w http.ResponseWriter, r *http.Request) {
	f := web.NewForm()
	f.Set("email", r.URL.Query().Get("email"))
	web.Render(w, r, http.StatusOK, web.ForgotPage(guestChrome(r, "forgot.title"), f, false, "/admin/password/forgot", "/admin/login"))
}
