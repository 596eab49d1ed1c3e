package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/session"
	"pforte/internal/web"
)

func (p *Portal) invitationForm(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	ct, err := p.svc.CheckInvitation(r.Context(), t.ID, r.PathValue("token"))
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "invitation.title"), msg, "/login"))
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, invitationPage(guestChrome(r, "invitation.title"), ct.Email, web.NewForm()))
}

func (p *Portal) invitationSubmit(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	raw := r.PathValue("token")
	ct, err := p.svc.CheckInvitation(r.Context(), t.ID, raw)
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "invitation.title"), msg, "/login"))
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
		sess, err = p.svc.AcceptInvitation(r.Context(), t.ID, raw, f.Raw("password"), f.Raw("password_confirm"), client)
		if p.passwordLinkAnswered(w, r, &f, err, "invitation.title") {
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, invitationPage(guestChrome(r, "invitation.title"), ct.Email, f))
		return
	}
	p.env.SetCookie(w, r, web.PortalCookie, sess, session.MaxAge)
	p.env.Flash(w, r, "invitation.done", "/")
}
