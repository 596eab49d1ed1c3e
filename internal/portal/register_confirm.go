package portal

import (
	"errors"
	"net/http"

	"pforte/internal/auth"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// registerConfirmForm shows whose registration the link confirms and a button. The
// link does nothing by itself on GET, so a mail scanner that opens links cannot use it.
func (p *Portal) registerConfirmForm(w http.ResponseWriter, r *http.Request) {
	if !p.featureOn(w, r, tenant.FeatureRegistration) {
		return
	}
	reg, err := p.svc.CheckRegistration(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token"))
	if msg := registerLinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "register.title"), msg, registerLinkNext(msg)))
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, registerConfirmPage(guestChrome(r, "register.title"), reg, false))
}

// registerLinkNext is where the page of a registration link that does not work leads:
// nowhere while the registration waits for staff (there is no password to sign in with
// yet), else to the sign-in.
func registerLinkNext(msg string) string {
	if msg == "register.link_used" {
		return ""
	}
	return "/login"
}

// registerLinkProblem is web.LinkProblem, except that a used confirmation link means the
// registration is waiting for a decision — the person has no password to log in with yet.
func registerLinkProblem(err error) string {
	if errors.Is(err, auth.ErrTokenUsed) {
		return "register.link_used"
	}
	return web.LinkProblem(err)
}
