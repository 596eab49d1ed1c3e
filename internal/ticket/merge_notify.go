package ticket

import (
	"context"
	"strconv"

	"pforte/internal/db"
)

// Merged tells the contacts of source — its opener and followers, each by their
// notification settings, as toContacts chooses them — once that their request is now
// handled in target. The mail belongs to the source's thread and answers to it go to
// the source's reply address, which leads to the target (ticketmail resolves
// merged_into); its button opens the target, which they now follow.
func (n Notifier) Merged(ctx context.Context, tx db.Querier, source, target Ticket) error {
	// As the merge left it (closed): a tenant's wording may name its status.
	source, err := ForStaff(ctx, tx, source.TenantID, source.ID)
	if err != nil {
		return err
	}
	to, err := ticketContacts(ctx, tx, source, 0, false) // not to an archived company's: see ticketContacts
	if err != nil {
		return err
	}
	data := map[string]any{"Target": "#" + strconv.FormatInt(target.ID, 10)}
	return n.send(ctx, tx, source, "mail.ticket_merged", "", data, n.portalLink(target), to)
}
