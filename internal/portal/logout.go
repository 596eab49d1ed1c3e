package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/session"
	"pforte/internal/web"
)

func (p *Portal) logout(w http.ResponseWriter, r *http.Request) {
	if v, ok := p.resolve(w, r); ok {
		audit.LogFor(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, access.ContactActor(v.P.ContactID, v.Contact.Email),
			audit.Logout, "", p.env.ClientIP(r), p.env.Now())
	}
	if ck, err := p.env.Cookie(r, web.PortalCookie); err == nil {
		if err := session.Delete(r.Context(), p.env.DB, ck.Value); err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	p.env.ClearCookie(w, r, web.PortalCookie)
	p.env.Flash(w, r, "logout.done", "/login")
}
