package portal

import (
	"net/http"

	"pforte/internal/web"
)

// passkeyDelete removes one of the contact's own passkeys after the password was
// confirmed; another's id is a 404.
func (p *Portal) passkeyDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := p.svc.RemovePasskey(r.Context(), v.Tenant, v.P, id, f.Raw("password"), p.env.Origin(r), p.env.ClientIP(r))
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.passkeyFormFailed(w, r, v, id, f)
		return
	}
	p.env.Flash(w, r, "passkey.removed", "/account#main")
}
