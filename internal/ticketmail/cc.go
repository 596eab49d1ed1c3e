package ticketmail

import (
	"context"
	"errors"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/ticket"
)

// followCopied makes the people a mail was copied to (mailin.Message.Copied) followers
// of tk, as the sender could in the portal: only contacts with active portal access to
// the ticket's company qualify (ticket.Follow); anyone else on the mail — outside
// people, colleagues without access, the support address — is passed over, so copying
// someone never shows them a ticket they could not see.
func followCopied(ctx context.Context, tx db.Querier, tk ticket.Ticket, addrs []string, by ticket.Actor, now time.Time) error {
	for _, a := range addrs {
		c, err := contact.ByEmail(ctx, tx, tk.TenantID, a)
		if errors.Is(err, db.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		err = ticket.Follow(ctx, tx, tk, c.ID, by.Name, by.ContactID, 0, now)
		if err != nil && !errors.Is(err, ticket.ErrNotFollower) {
			return err
		}
	}
	return nil
}
