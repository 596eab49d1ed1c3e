package admin

import (
	"context"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
)

// queueEmpty is what an empty queue says (list_empty.go has the other lists). "No
// tickets match these filters" answers a filter; without one a fresh tenant's queue
// read as if a search had failed. Then the open (or done) queue says there is none in
// that state, and, when the tenant has no ticket at all, that there is none yet and
// which button opens one. The extra question is asked only for an empty first page
// and reads one index entry (ticket.AnyInTenant), so the full queue pays nothing.
func (a *Admin) queueEmpty(ctx context.Context, tenantID int64, view queueView) (string, error) {
	f := view.Filter
	if len(view.List) > 0 || view.Pager.Page > 1 || view.Pager.Query.Get("after") != "" || f.narrowed() {
		return i18n.T(ctx, "tickets_admin.none"), nil
	}
	none := i18n.T(ctx, "list_empty.tickets", map[string]any{"Action": i18n.T(ctx, "tickets_admin.new")})
	var inState string
	switch f.State {
	case "all":
		return none, nil
	case "open":
		inState = i18n.T(ctx, "list_empty.tickets_open")
	case "done":
		inState = i18n.T(ctx, "list_empty.tickets_done")
	default: // one status: a filter like the others
		return i18n.T(ctx, "tickets_admin.none"), nil
	}
	exists, err := ticket.AnyInTenant(ctx, a.env.DB, tenantID)
	if err != nil || !exists {
		return none, err
	}
	return inState, nil
}
