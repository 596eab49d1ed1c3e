package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// forgotSubmit answers every well-formed address the same way, whether or not it has an
// account, so the form cannot be used to find out who is a customer.
func (p *Portal) forgotSubmit(w http.ResponseWriter, r *http.Request) {
	if !p.featureOn(w, r, tenant.FeaturePasswordReset) {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		f.Errors.SignInAddress("email", f.Get("email"))
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, web.ForgotPage(guestChrome(r, "forgot.title"), f, false, "/password/forgot", "/login"))
		return
	}
	t := web.TenantFrom(r.Context())
	client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
	if err := p.svc.RequestReset(r.Context(), t, f.Get("email"), p.env.Origin(r), client); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.WakeWorker()
	web.Render(w, r, http.StatusOK, web.ForgotPage(guestChrome(r, "forgot.title"), f, true, "/password/forgot", "/login"))
}
