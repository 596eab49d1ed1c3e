package admin

import (
	"net/http"

	"pforte/internal/ticket"
)

// overdueCount is the dashboard's number of overdue open tickets (bounded by
// ticket.OverdueCap), or nil when there are none and the tenant set no service-level
// targets either: the tile would only ever say "none". Tickets keep their due times
// when the targets are removed, so they are counted first.
func (a *Admin) overdueCount(r *http.Request, v *visit) (*int, error) {
	if !usesHelpdesk(v.Tenant) {
		return nil, nil
	}
	ctx := r.Context()
	n, err := ticket.CountOverdue(ctx, a.env.DB, v.P.TenantID, a.env.Now())
	if err != nil || n > 0 {
		return &n, err
	}
	ts, err := ticket.SLATargets(ctx, a.env.DB, v.P.TenantID)
	if err != nil || !ts.Any() {
		return nil, err
	}
	return &n, nil
}
