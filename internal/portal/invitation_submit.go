package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

func (p *Portal) invitationSubmit(w http.ResponseWriter, r *http.Request) {
	ct, ok := p.linkContact(w, r, "invitation.title", p.svc.CheckInvitation)
	if !ok {
		return
	}
	r = inLanguageOf(r, ct)
	f := web.ParseForm(w, r)
	var sess string
	if f.Err == "" {
		client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
		var err error
		sess, err = p.svc.AcceptInvitation(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token"), f.Raw("password"), f.Raw("password_confirm"), client)
		if p.passwordLinkAnswered(w, r, &f, err, "invitation.title") {
			return
		}
	}
	if f.Invalid() {
		company := p.invitedCompany(r, ct)
		web.Render(w, r, http.StatusUnprocessableEntity, invitationPage(guestChrome(r, invitationTitle(company)), ct.Email, company, f))
		return
	}
	p.startSession(w, r, sess)
	if ct.PasswordHash != "" {
		p.env.Flash(w, r, "invitation.accepted", "/")
		return
	}
	p.env.Flash(w, r, "invitation.done", "/")
}
