package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// registrationReject lets a main contact reject a registration of their domains.
func (p *Portal) registrationReject(w http.ResponseWriter, r *http.Request, v *visit) {
	p.registrationDecide(w, r, v, func(d access.Decider, id int64, f web.Form) error {
		return p.svc.RejectRegistration(r.Context(), v.Tenant, d, id, f.Get("reason"), p.env.Origin(r))
	}, "colleagues.registration_rejected")
}
