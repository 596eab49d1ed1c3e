package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// colleagueInvite invites a colleague into the active company. Refused input, and an
// invitation over the company's daily limit, come back with the form as typed (422).
func (p *Portal) colleagueInvite(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		c := access.Colleague{FirstName: f.Get("first_name"), LastName: f.Get("last_name"), Email: f.Get("email"), Role: f.Get("role")}
		err := p.svc.InviteColleague(r.Context(), v.Tenant, v.P, v.actor(r, p.env), c, p.env.Origin(r))
		if errors.Is(err, access.ErrInviteLimit) {
			// Above the form, not at a field: no input is wrong, the day's quota is used up.
			f.Err, f.ErrData = "colleagues.invite_limit_failed", map[string]any{"Max": access.ColleagueInviteLimit}
		} else if err != nil && !f.Take(err) {
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
