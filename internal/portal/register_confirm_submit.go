package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// registerConfirmSubmit uses the link: the registration goes to the staff inbox.
func (p *Portal) registerConfirmSubmit(w http.ResponseWriter, r *http.Request) {
	if !p.featureOn(w, r, tenant.FeatureRegistration) {
		return
	}
	client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
	done, err := p.svc.ConfirmRegistration(r.Context(), web.TenantFrom(r.Context()), r.PathValue("token"), p.env.Origin(r), client)
	if msg := registerLinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "register.title"), msg, registerLinkNext(msg)))
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.WakeWorker()
	if done.HasAccess { // nothing is being checked: say so, with the way in
		web.Render(w, r, http.StatusOK, registerHasAccessPage(guestChrome(r, "register.title"), done.Company))
		return
	}
	web.Render(w, r, http.StatusOK, registerConfirmPage(guestChrome(r, "register.title"), access.Registration{}, true))
}
