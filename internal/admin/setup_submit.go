package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/web"
)

func (a *Admin) setupSubmit(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	f := web.ParseForm(w, r)
	var raw string
	if f.Err == "" {
		var err error
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		raw, err = a.svc.CompleteSetup(r.Context(), t.ID, r.PathValue("token"), f.Get("name"), f.Get("email"),
			f.Raw("password"), f.Raw("password_confirm"), i18n.From(r.Context()).Lang, client)
		if msg := a.setupLinkProblem(r, err); msg != "" {
			web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "admin.setup.title"), msg, "/admin/login"))
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, setupPage(guestChrome(r, "admin.setup.title"), f))
		return
	}
	admin, err := staff.ByEmail(r.Context(), a.env.DB, t.ID, f.Get("email"))
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.ForgetTenants() // the setup may have given the tenant its language
	a.signIn(w, r, raw, admin)
	a.env.Flash(w, r, "admin.setup.done", "/admin/")
}
