package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

func (a *Admin) loginSubmit(w http.ResponseWriter, r *http.Request) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		// As the portal's login: too long or malformed is said at the field, never
		// "address or password is wrong".
		f.Errors.SignInAddress("email", f.Get("email"))
		f.Errors.Required("password", f.Raw("password"))
	}
	if !f.Invalid() {
		t := web.TenantFrom(r.Context())
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		raw, m, err := a.svc.StaffLogin(r.Context(), t.ID, f.Get("email"), f.Raw("password"), client)
		second := (*access.SecondFactorNeeded)(nil)
		switch {
		case errors.As(err, &second):
			staffStep.Start(a.env, w, r, second.Challenge, f.Get("next"))
			return
		case errors.Is(err, access.ErrInvalidLogin):
			f.Err = "login.invalid"
		case errors.Is(err, access.ErrThrottled):
			f.Err = "mailout.throttled_reset" // staff can always reset, and a reset link works while locked
		case err != nil:
			a.env.Fail(w, r, err)
			return
		default:
			a.replaceSession(w, r, raw, m)
			http.Redirect(w, r, web.LocalPath(f.Get("next"), "/admin/"), http.StatusSeeOther)
			return
		}
	}
	web.Render(w, r, http.StatusUnprocessableEntity, loginPage(guestChrome(r, "admin.login.title"), f, a.noAdmin(r)))
}
