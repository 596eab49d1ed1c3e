package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

func (p *Portal) loginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	r = p.inStepLanguage(r)
	var sess string
	tenant := web.TenantFrom(r.Context())
	client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
	loginStep.Submit(p.env, w, r, guestChrome(r, "security.login_title"), access.ErrChallengeGone,
		func(token, code string) (err error) {
			sess, err = p.svc.SecondFactor(r.Context(), tenant, token, code, p.env.Origin(r), client)
			return err
		},
		func(next string) {
			p.startSession(w, r, sess)
			http.Redirect(w, r, p.landingFor(r.Context(), tenant.ID, sess, next), http.StatusSeeOther)
		})
}
