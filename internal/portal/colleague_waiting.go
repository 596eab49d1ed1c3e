package portal

import (
	"net/http"

	"pforte/internal/inbox"
)

// registrationsWaiting counts the open self-registrations the visit's main contact may
// decide on (mainDecider: their active company's email domains, the tenant letting
// main contacts decide), for the number beside "Colleagues" in the navigation; 0 for
// everyone else. The page frame asks for it (visit.chrome), so requests that render no
// page (forms, htmx fragments) do not count. A failed count only costs the number: the
// page must not fail over it.
func (p *Portal) registrationsWaiting(r *http.Request, v *visit) int {
	ctx := r.Context()
	d, ok, err := p.mainDecider(ctx, r, v)
	if err == nil && ok {
		var n int
		if n, err = inbox.CountOpenForDomains(ctx, p.env.DB, v.P.TenantID, inbox.KindRegistration, d.Domains); err == nil {
			return n
		}
	}
	if err != nil {
		p.env.Log.Warn("registrations waiting", "err", err)
	}
	return 0
}
