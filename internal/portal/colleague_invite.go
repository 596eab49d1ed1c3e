package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// colleagueInvite invites a colleague into the active company.
func (p *Portal) colleagueInvite(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		c := access.Colleague{FirstName: f.Get("first_name"), LastName: f.Get("last_name"), Email: f.Get("email"), Role: f.Get("role")}
		err := p.svc.InviteColleague(r.Context(), v.Tenant, v.P, v.actor(r, p.env), c, p.env.Origin(r))
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderColleagues(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	p.env.WakeWorker()
	p.env.Flash(w, r, "colleagues.invited", "/colleagues")
}
