package portal

import (
	"net/http"

	"pforte/internal/web"
)

// loginStep is the portal's pending second step of a sign-in.
var loginStep = web.SecondStep{Cookie: "pforte_login_step", CodePath: "/login/code", LoginPath: "/login"}

func (p *Portal) loginCodeForm(w http.ResponseWriter, r *http.Request) {
	r = p.inStepLanguage(r)
	loginStep.Form(p.env, w, r, guestChrome(r, "security.login_title"), p.svc.CheckChallenge)
}

// inStepLanguage shows the code step in the language of the contact whose password was
// right, as their other pages are, rather than in the browser's; without a pending
// step (the page then sends them back to the password) the visitor's stays.
func (p *Portal) inStepLanguage(r *http.Request) *http.Request {
	ct, err := p.svc.ChallengeContact(r.Context(), web.TenantFrom(r.Context()).ID, loginStep.Token(p.env, r))
	if err != nil {
		return r
	}
	return inLanguageOf(r, ct)
}
