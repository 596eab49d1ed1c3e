package portal

import (
	"net/http"

	"pforte/internal/tenant"
	"pforte/internal/web"
)

func (p *Portal) registerForm(w http.ResponseWriter, r *http.Request) {
	if p.featureOn(w, r, tenant.FeatureRegistration) {
		web.Render(w, r, http.StatusOK, registerPage(guestChrome(r, "register.title"), web.NewForm(), false))
	}
}
