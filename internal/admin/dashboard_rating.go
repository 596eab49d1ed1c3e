package admin

import (
	"net/http"
	"time"

	"pforte/internal/ticket"
)

// ratingDays is the period the dashboard's share of good ratings covers.
const ratingDays = 30

// ratingShare is the share of good ratings of the last ratingDays days for the
// dashboard, or nil when the tenant neither asks for ratings nor got any lately (the
// tile would only say "none").
func (a *Admin) ratingShare(r *http.Request, v *visit) (*ticket.RatingShare, error) {
	if !usesHelpdesk(v.Tenant) {
		return nil, nil
	}
	s, err := ticket.ShareSince(r.Context(), a.env.DB, v.P.TenantID, a.env.Now().Add(-ratingDays*24*time.Hour))
	if err != nil || (s.Rated == 0 && !v.Tenant.Rules.Ratings) {
		return nil, err
	}
	return &s, nil
}
