package admin

import (
	"errors"
	"net/http"
	"net/url"

	"pforte/internal/access"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// staffChallengeCookie holds the token of a back-office login's pending second step. It
// is not a session, and not the portal's cookie: no page but the code form accepts it.
const staffChallengeCookie = "pforte_admin_login_step"

// startStaffSecondStep sends a member whose password was right to the code form.
func (a *Admin) startStaffSecondStep(w http.ResponseWriter, r *http.Request, challenge, next string) {
	a.env.SetCookie(w, r, staffChallengeCookie, challenge, twofactor.ChallengeTTL)
	a.env.WakeWorker() // a reset on the way here queued a notice
	to := "/admin/login/code"
	if next = web.LocalPath(next, ""); next != "" {
		to += "?next=" + url.QueryEscape(next)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// staffChallengeGone sends the visitor back to the password form with a note.
func (a *Admin) staffChallengeGone(w http.ResponseWriter, r *http.Request) {
	a.env.ClearCookie(w, r, staffChallengeCookie)
	a.env.Flash(w, r, "security.challenge_gone", "/admin/login")
}

func (a *Admin) staffLoginCodeForm(w http.ResponseWriter, r *http.Request) {
	ck, _ := r.Cookie(staffChallengeCookie)
	if ck == nil || a.svc.CheckStaffChallenge(r.Context(), web.TenantFrom(r.Context()).ID, ck.Value) != nil {
		a.staffChallengeGone(w, r)
		return
	}
	c := guestChrome(r, "security.login_title")
	c.SetFlash(r.Context(), a.env.TakeFlash(w, r))
	f := web.NewForm()
	f.Set("next", web.LocalPath(r.URL.Query().Get("next"), ""))
	web.Render(w, r, http.StatusOK, staffLoginCodePage(c, f))
}

func (a *Admin) staffLoginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	ck, _ := r.Cookie(staffChallengeCookie)
	if ck == nil {
		a.staffChallengeGone(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, m, err := a.svc.StaffSecondFactor(r.Context(), web.TenantFrom(r.Context()), ck.Value, f.Get("code"), a.env.Origin(r), client)
		if errors.Is(err, access.ErrChallengeGone) {
			a.staffChallengeGone(w, r)
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
		if err == nil {
			a.env.WakeWorker() // a recovery code sends a notice
			a.env.ClearCookie(w, r, staffChallengeCookie)
			a.replaceSession(w, r, sess, m)
			http.Redirect(w, r, web.LocalPath(f.Get("next"), "/admin/"), http.StatusSeeOther)
			return
		}
	}
	web.Render(w, r, http.StatusUnprocessableEntity, staffLoginCodePage(guestChrome(r, "security.login_title"), f))
}
