package portal

import (
	"net/http"

	"pforte/internal/tenant"
	"pforte/internal/web"
)

func (p *Portal) forgotForm(w http.ResponseWriter, r *http.Request) {
	if p.featureOn(w, r, tenant.FeaturePasswordReset) {
		web.Render(w, r, http.StatusOK, web.ForgotPage(guestChrome(r, "forgot.title"), web.NewForm(), false, "/password/forgot", "/login"))
	}
}
