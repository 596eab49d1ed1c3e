package portal

import (
	"net/http"

	"pforte/internal/ticket"
)

// withNames loads the tenant's translated category and status names into the
// request's context, once per page that shows tickets, so statusLabel and
// categoryName find them (the list's rows then need no lookup of their own).
func (p *Portal) withNames(r *http.Request, v *visit) (*http.Request, error) {
	n, err := ticket.LoadNames(r.Context(), p.env.DB, v.P.TenantID)
	if err != nil {
		return r, err
	}
	return r.WithContext(ticket.WithNames(r.Context(), n)), nil
}
