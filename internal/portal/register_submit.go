package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// registerSubmit answers every valid form the same way — "check your mail" — whether
// the address already has an account or not, so the form reveals nobody.
func (p *Portal) registerSubmit(w http.ResponseWriter, r *http.Request) {
	if !p.featureOn(w, r, tenant.FeatureRegistration) {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		reg := access.Registration{FirstName: f.Get("first_name"), LastName: f.Get("last_name"), Email: f.Get("email"),
			Company: f.Get("company"), Phone: f.Get("phone"), Language: i18n.From(r.Context()).Lang}
		client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
		err := p.svc.Register(r.Context(), web.TenantFrom(r.Context()), reg, p.env.Origin(r), client)
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, registerPage(guestChrome(r, "register.title"), f, false))
		return
	}
	p.env.WakeWorker()
	web.Render(w, r, http.StatusOK, registerPage(guestChrome(r, "register.title"), f, true))
}
