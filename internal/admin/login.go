package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/session"
	"pforte/internal/web"
)

func (a *Admin) loginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := a.resolve(r); ok {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	c := guestChrome(r, "admin.login.title")
	c.SetFlash(r.Context(), a.env.TakeFlash(w, r))
	f := web.NewForm()
	f.Set("next", web.LocalPath(r.URL.Query().Get("next"), ""))
	web.Render(w, r, http.StatusOK, loginPage(c, f))
}

func (a *Admin) loginSubmit(w http.ResponseWriter, r *http.Request) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		f.Errors.Required("email", f.Get("email"))
		f.Errors.Required("password", f.Raw("password"))
	}
	if !f.Invalid() {
		t := web.TenantFrom(r.Context())
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		raw, _, err := a.svc.StaffLogin(r.Context(), t.ID, f.Get("email"), f.Raw("password"), client)
		switch {
		case errors.Is(err, access.ErrInvalidLogin):
			f.Err = "login.invalid"
		case errors.Is(err, access.ErrThrottled):
			f.Err = "login.throttled"
		case err != nil:
			a.env.Fail(w, r, err)
			return
		default:
			if old, err := r.Cookie(web.AdminCookie); err == nil {
				session.Delete(r.Context(), a.env.DB, old.Value)
			}
			a.signIn(w, r, raw)
			http.Redirect(w, r, web.LocalPath(f.Get("next"), "/admin/"), http.StatusSeeOther)
			return
		}
	}
	web.Render(w, r, http.StatusUnprocessableEntity, loginPage(guestChrome(r, "admin.login.title"), f))
}

func (a *Admin) logout(w http.ResponseWriter, r *http.Request) {
	if v, ok := a.resolve(r); ok {
		audit.Log(r.Context(), a.env.DB, v.P.TenantID, v.actor(r, a.env).Label, audit.Logout, "", a.env.ClientIP(r), a.env.Now())
	}
	if ck, err := r.Cookie(web.AdminCookie); err == nil {
		if err := session.Delete(r.Context(), a.env.DB, ck.Value); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	a.env.ClearCookie(w, r, web.AdminCookie)
	a.env.ClearCookie(w, r, web.PreviewCookie) // the preview ended with the session (cascade)
	a.env.Flash(w, r, "logout.done", "/admin/login")
}

// signIn sets the staff session cookie and, on the tenant's first staff sign-in,
// remembers the address it came in on for links in mails (web.Env.RememberOrigin).
func (a *Admin) signIn(w http.ResponseWriter, r *http.Request, rawSession string) {
	a.env.SetCookie(w, r, web.AdminCookie, rawSession, session.MaxAge)
	a.env.RememberOrigin(r)
}
