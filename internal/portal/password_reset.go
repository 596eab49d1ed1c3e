package portal

import (
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// resetOn answers 404 unless the tenant offers self-service resets or staff sent this
// link: staff send one deliberately (the contact's page in the back office), also where
// contacts cannot ask for one themselves.
func (p *Portal) resetOn(w http.ResponseWriter, r *http.Request) bool {
	if p.svc.StaffSentReset(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token")) {
		return true
	}
	return p.featureOn(w, r, tenant.FeaturePasswordReset)
}

func (p *Portal) resetForm(w http.ResponseWriter, r *http.Request) {
	if !p.resetOn(w, r) {
		return
	}
	ct, ok := p.linkContact(w, r, "reset.title", p.svc.CheckReset)
	if !ok {
		return
	}
	r = inLanguageOf(r, ct)
	p.resetPage(w, r, http.StatusOK, ct, web.NewForm())
}

// resetPage shows the reset form for ct; with TOTP on it asks for the code as well.
func (p *Portal) resetPage(w http.ResponseWriter, r *http.Request, status int, ct contact.Contact, f web.Form) {
	code, err := p.svc.TwoFactorOn(r.Context(), ct.TenantID, ct.ID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, web.ResetPage(guestChrome(r, "reset.title"), ct.Email, code, f))
}
