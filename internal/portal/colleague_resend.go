package portal

import (
	"net/http"

	"pforte/internal/web"
)

// colleagueResend mails an invited colleague a new invitation link (the earlier one
// stops working): the way in for someone whose link expired or got lost, since "forgot
// password" is only for people who have a password.
func (p *Portal) colleagueResend(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	err := p.svc.ColleagueResend(r.Context(), v.Tenant, v.P, v.actor(r, p.env), id, p.env.Origin(r))
	if err == nil {
		p.env.WakeWorker()
	}
	p.colleagueDone(w, r, v, err, "colleagues.resent")
}
