package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// staffStep is the back office's pending second step of a sign-in; its cookie is not
// the portal's.
var staffStep = web.SecondStep{Cookie: "pforte_admin_login_step", CodePath: "/admin/login/code", LoginPath: "/admin/login"}

func (a *Admin) staffLoginCodeForm(w http.ResponseWriter, r *http.Request) {
	staffStep.Form(a.env, w, r, guestChrome(r, "security.login_title"), a.svc.CheckStaffChallenge)
}

func (a *Admin) staffLoginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	token := staffStep.Token(r)
	if token == "" {
		staffStep.Gone(a.env, w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, m, err := a.svc.StaffSecondFactor(r.Context(), web.TenantFrom(r.Context()), token, f.Get("code"), a.env.Origin(r), client)
		if errors.Is(err, access.ErrChallengeGone) {
			staffStep.Gone(a.env, w, r)
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
		if err == nil {
			a.env.WakeWorker() // a recovery code sends a notice
			a.env.ClearCookie(w, r, staffStep.Cookie)
			a.replaceSession(w, r, sess, m)
			http.Redirect(w, r, web.LocalPath(f.Get("next"), "/admin/"), http.StatusSeeOther)
			return
		}
	}
	staffStep.Refuse(w, r, guestChrome(r, "security.login_title"), f)
}
