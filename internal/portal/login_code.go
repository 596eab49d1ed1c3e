package portal

import (
	"errors"
	"net/http"
	"net/url"

	"pforte/internal/access"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// challengeCookie holds the token of a login's pending second step. It is not a
// session: no page but the code form accepts it.
const challengeCookie = "pforte_login_step"

// startSecondStep sends a contact whose password was right to the code form.
func (p *Portal) startSecondStep(w http.ResponseWriter, r *http.Request, challenge, next string) {
	p.env.SetCookie(w, r, challengeCookie, challenge, twofactor.ChallengeTTL)
	p.env.WakeWorker() // a reset or invitation on the way here queued a notice
	to := "/login/code"
	if next = web.LocalPath(next, ""); next != "" {
		to += "?next=" + url.QueryEscape(next)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// challengeGone sends the visitor back to the password form with a note.
func (p *Portal) challengeGone(w http.ResponseWriter, r *http.Request) {
	p.env.ClearCookie(w, r, challengeCookie)
	p.env.Flash(w, r, "security.challenge_gone", "/login")
}

func (p *Portal) loginCodeForm(w http.ResponseWriter, r *http.Request) {
	ck, _ := r.Cookie(challengeCookie)
	if ck == nil || p.svc.CheckChallenge(r.Context(), web.TenantFrom(r.Context()).ID, ck.Value) != nil {
		p.challengeGone(w, r)
		return
	}
	c := guestChrome(r, "security.login_title")
	c.SetFlash(r.Context(), p.env.TakeFlash(w, r))
	f := web.NewForm()
	f.Set("next", web.LocalPath(r.URL.Query().Get("next"), ""))
	web.Render(w, r, http.StatusOK, loginCodePage(c, f))
}

func (p *Portal) loginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	ck, _ := r.Cookie(challengeCookie)
	if ck == nil {
		p.challengeGone(w, r)
		return
	}
	f := web.ParseForm(w, r)
	var sess string
	if f.Err == "" {
		var err error
		client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, err = p.svc.SecondFactor(r.Context(), web.TenantFrom(r.Context()), ck.Value, f.Get("code"), p.env.Origin(r), client)
		if errors.Is(err, access.ErrChallengeGone) {
			p.challengeGone(w, r)
			return
		}
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, loginCodePage(guestChrome(r, "security.login_title"), f))
		return
	}
	p.env.WakeWorker() // a recovery code sends a notice
	p.env.ClearCookie(w, r, challengeCookie)
	p.startSession(w, r, sess)
	http.Redirect(w, r, p.landingFor(r.Context(), web.TenantFrom(r.Context()).ID, sess, f.Get("next")), http.StatusSeeOther)
}
