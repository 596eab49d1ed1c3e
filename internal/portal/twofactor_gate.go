package portal

import (
	"context"
	"net/http"

	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// portalSetup holds a contact whose active company requires two factors, and who has
// none, at the setup on the account page. What they need on the way stays open: the
// account page and its two-factor forms, switching company, language (logout is not
// behind the gate at all).
var portalSetup = web.SetupGate{To: "/account#twofactor", Flash: "security.setup_required",
	Paths: []string{"/account", "/company", "/settings/language"}, Prefix: []string{"/account/twofactor/"}}

// setupGate applies portalSetup to the visit; it reports whether it answered the request.
func (p *Portal) setupGate(w http.ResponseWriter, r *http.Request, v *visit) bool {
	if !v.Company.CompanyRequiresTwoFactor { // the usual case costs no query
		return false
	}
	return portalSetup.Hold(p.env, w, r, func(ctx context.Context) (bool, error) {
		return twofactor.SetupNeeded(ctx, p.env.DB, v.P.TenantID, v.P.ContactID, v.P.CompanyID)
	})
}
