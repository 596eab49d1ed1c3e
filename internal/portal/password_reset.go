package portal

import (
	"net/http"

	"pforte/internal/access"
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
	web.Render(w, r, http.StatusOK, web.ResetPage(guestChrome(r, "reset.title"), ct.Email, web.NewForm()))
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
		sess, err = p.svc.CompleteReset(r.Context(), web.TenantFrom(r.Context()), r.PathValue("token"), f.Raw("password"), f.Raw("password_confirm"), p.env.Origin(r), client)
		if p.passwordLinkAnswered(w, r, &f, err, "reset.title") {
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, web.ResetPage(guestChrome(r, "reset.title"), ct.Email, f))
		return
	}
	p.env.WakeWorker()
	p.startSession(w, r, sess)
	p.env.Flash(w, r, "reset.done", p.landingFor(r.Context(), web.TenantFrom(r.Context()).ID, sess, ""))
}
