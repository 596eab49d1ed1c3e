package portal

import (
	"net/http"

	"pforte/internal/access"
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

func (p *Portal) resetSubmit(w http.ResponseWriter, r *http.Request) {
	if !p.resetOn(w, r) {
		return
	}
	ct, ok := p.linkContact(w, r, "reset.title", p.svc.CheckReset)
	if !ok {
		return
	}
	r = inLanguageOf(r, ct)
	f := web.ParseForm(w, r)
	var sess string
	if f.Err == "" {
		client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
		var err error
		in := access.ResetInput{Password: f.Raw("password"), Confirm: f.Raw("password_confirm"), Code: f.Get("code")}
		sess, err = p.svc.CompleteReset(r.Context(), web.TenantFrom(r.Context()), r.PathValue("token"), in, p.env.Origin(r), client)
		if p.passwordLinkAnswered(w, r, &f, err, "reset.title") {
			return
		}
	}
	if f.Invalid() {
		p.resetPage(w, r, http.StatusUnprocessableEntity, ct, f)
		return
	}
	p.env.WakeWorker()
	p.startSession(w, r, sess)
	p.env.Flash(w, r, "reset.done", p.landingFor(r.Context(), web.TenantFrom(r.Context()).ID, sess, ""))
}
