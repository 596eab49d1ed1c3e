package demo

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// askRatings switches on the ticket ratings, off for a new tenant, so the demo shows
// the rating card, the queue's badge and the dashboard's figure.
func askRatings(ctx context.Context, tx db.Querier, tenantID int64) error {
	rules, err := tenant.GetTicketRules(ctx, tx, tenantID)
	if err != nil {
		return err
	}
	rules.Ratings = true
	return tenant.SetTicketRules(ctx, tx, tenantID, rules)
}

// demoRating gives a done demo ticket its opener's rating.
func demoRating(ctx context.Context, tx db.Querier, tenantID, id int64, dt demoTicket, at time.Time) error {
	if dt.rating == "" {
		return nil
	}
	t, err := ticket.ForStaff(ctx, tx, tenantID, id)
	if err != nil {
		return err
	}
	return ticket.Rate(ctx, tx, t, t.ContactID, dt.rating, dt.comment, at)
}
