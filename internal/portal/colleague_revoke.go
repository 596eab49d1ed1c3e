package portal

import (
	"net/http"

	"pforte/internal/web"
)

// colleagueRevoke withdraws a colleague's access to the active company.
func (p *Portal) colleagueRevoke(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	invitation, err := p.svc.ColleagueRevoke(r.Context(), v.P, v.actor(r, p.env), id)
	msg := "colleagues.revoked"
	if invitation { // nobody had access yet: "access revoked" would read oddly
		msg = "colleagues.invitation_withdrawn"
	}
	p.colleagueDone(w, r, v, err, msg)
}
