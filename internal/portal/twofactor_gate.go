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
// The flash is a notice, not a success (web.Chrome.SetFlash: ids ending in "_notice").
var portalSetup = web.SetupGate{To: "/account#twofactor", Flash: "portalpolish.setup_required_notice",
	Paths: []string{"/account", "/company", "/settings/language"}, Prefix: []string{"/account/twofactor/"}}

// setupGate applies portalSetup to the visit; it reports whether it answered the request.
func (p *Portal) setupGate(w http.ResponseWriter, r *http.Request, v *visit) bool {
	if !v.Company.CompanyRequiresTwoFactor { // the usual case costs no query
		return false
	}
	if ruleOpen(v, r) {
		return false
	}
	return portalSetup.Hold(p.env, w, r, func(ctx context.Context) (bool, error) {
		return twofactor.SetupNeeded(ctx, p.env.DB, v.P.TenantID, v.P.ContactID, v.P.CompanyID)
	})
}

// ruleOpen tells whether the request reads the company's two-factor rule, which stays
// open to a main contact who owes the setup: the one who just switched the rule on by
// mistake must be able to switch it off again (its form posts under /account/twofactor/,
// open anyway). Only the page is open, not its other forms (inviting, changing roles):
// the page leaves them out meanwhile (colleagueRule.Held), rather than offer forms
// whose input this gate would throw away.
func ruleOpen(v *visit, r *http.Request) bool {
	return v.P.IsMain() && r.URL.Path == "/colleagues" && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}
