package portal

import (
	"net/http"
	"strings"

	"pforte/internal/twofactor"
)

// setupGate sends a contact whose active company requires two factors, and who has
// none, to the setup on the account page. What they need on the way stays open: the
// account page and its two-factor forms, switching company, language (logout is not
// behind the gate at all). It reports whether it answered the request.
func (p *Portal) setupGate(w http.ResponseWriter, r *http.Request, v *visit) bool {
	if !v.Company.CompanyRequiresTwoFactor { // the usual case costs no query
		return false
	}
	path := r.URL.Path
	if path == "/account" || strings.HasPrefix(path, "/account/twofactor/") || path == "/company" || path == "/settings/language" {
		return false
	}
	need, err := twofactor.SetupNeeded(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, v.P.CompanyID)
	if err != nil {
		p.env.Fail(w, r, err)
		return true
	}
	if !need {
		return false
	}
	p.env.Flash(w, r, "security.setup_required", "/account#twofactor")
	return true
}
