package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

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
