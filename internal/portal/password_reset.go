package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/session"
	"pforte/internal/web"
)

func (p *Portal) resetForm(w http.ResponseWriter, r *http.Request) {
	if !p.resetAllowed(w, r) {
		return
	}
	ct, err := p.svc.CheckReset(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token"))
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "reset.title"), msg, "/login"))
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, resetPage(guestChrome(r, "reset.title"), ct.Email, web.NewForm()))
}

func (p *Portal) resetSubmit(w http.ResponseWriter, r *http.Request) {
	if !p.resetAllowed(w, r) {
		return
	}
	t := web.TenantFrom(r.Context())
	raw := r.PathValue("token")
	ct, err := p.svc.CheckReset(r.Context(), t.ID, raw)
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "reset.title"), msg, "/login"))
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	f := web.ParseForm(w, r)
	var sess string
	if f.Err == "" {
		client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, err = p.svc.CompleteReset(r.Context(), t, raw, f.Raw("password"), f.Raw("password_confirm"), p.env.Origin(r), client)
		if p.passwordLinkAnswered(w, r, &f, err, "reset.title") {
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, resetPage(guestChrome(r, "reset.title"), ct.Email, f))
		return
	}
	p.env.WakeWorker()
	p.env.SetCookie(w, r, web.PortalCookie, sess, session.MaxAge)
	p.env.Flash(w, r, "reset.done", p.landingFor(r.Context(), web.TenantFrom(r.Context()).ID, sess, ""))
}
