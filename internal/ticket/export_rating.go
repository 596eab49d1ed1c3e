package ticket

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// exportRatings fills in the ratings the contact gave a batch of tickets, in one
// query. A colleague's rating is theirs, not the contact's, and stays out.
func exportRatings(ctx context.Context, q db.Querier, p principal.Contact, out []Exported, byID map[int64]int) error {
	args := []any{p.TenantID, p.ContactID}
	for _, e := range out {
		args = append(args, e.ID)
	}
	list, err := ratingsWhere(ctx, q, `r.tenant_id = ? AND r.contact_id = ? AND r.ticket_id IN (`+db.Marks(len(out))+`)`, args...)
	if err != nil {
		return err
	}
	for _, r := range list {
		e := &out[byID[r.TicketID]]
		e.Ratings = append(e.Ratings, r)
	}
	return nil
}
