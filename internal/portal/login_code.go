package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// loginStep is the portal's pending second step of a sign-in.
var loginStep = web.SecondStep{Cookie: "pforte_login_step", CodePath: "/login/code", LoginPath: "/login"}

func (p *Portal) loginCodeForm(w http.ResponseWriter, r *http.Request) {
	loginStep.Form(p.env, w, r, guestChrome(r, "security.login_title"), p.svc.CheckChallenge)
}

func (p *Portal) loginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	token := loginStep.Token(r)
	if token == "" {
		loginStep.Gone(p.env, w, r)
		return
	}
	f := web.ParseForm(w, r)
	var sess string
	if f.Err == "" {
		var err error
		client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, err = p.svc.SecondFactor(r.Context(), web.TenantFrom(r.Context()), token, f.Get("code"), p.env.Origin(r), client)
		if errors.Is(err, access.ErrChallengeGone) {
			loginStep.Gone(p.env, w, r)
			return
		}
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		loginStep.Refuse(w, r, guestChrome(r, "security.login_title"), f)
		return
	}
	p.env.WakeWorker() // a recovery code sends a notice
	p.env.ClearCookie(w, r, loginStep.Cookie)
	p.startSession(w, r, sess)
	http.Redirect(w, r, p.landingFor(r.Context(), web.TenantFrom(r.Context()).ID, sess, f.Get("next")), http.StatusSeeOther)
}
