package ticketmail

import (
	"context"
	"errors"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

// mayReply reports whether sender may write into tk by mail, and if not, why (for the
// inbound log). The reply address is only a token that anyone holding an old mail
// knows, so the mail is held to the portal's rule: active access to the ticket's
// company, and as a plain user only for a ticket they opened or follow. A contact who
// never had a portal login (one a mail created, or staff added without access) answers
// the tickets they opened (or follow since a merge), since mail is their only way in;
// revoked access never writes.
func mayReply(ctx context.Context, q db.Querier, tk ticket.Ticket, sender contact.Contact) (bool, string, error) {
	m, err := contact.MembershipIn(ctx, q, tk.TenantID, sender.ID, tk.CompanyID)
	if errors.Is(err, db.ErrNotFound) {
		return false, "not a contact of the ticket's company", nil
	}
	if err != nil {
		return false, "", err
	}
	if m.CompanyArchived { // like revoked access, until staff restore the company
		return false, "company archived", nil
	}
	switch m.Access {
	case contact.AccessActive:
		if m.Role == principal.RoleMain || tk.ContactID == sender.ID {
			return true, "", nil
		}
		follows, err := ticket.Follows(ctx, q, tk, sender.ID)
		if err != nil || follows {
			return follows, "", err
		}
		return false, "user who neither opened nor follows the ticket", nil
	case contact.AccessNone, contact.AccessInvited:
		if tk.ContactID == sender.ID {
			return true, "", nil
		}
		// Only a merge makes such a contact a follower (ticket.Merge): the opener of
		// the merged ticket, who keeps writing by mail into the one it went to.
		follows, err := ticket.Follows(ctx, q, tk, sender.ID)
		if err != nil || follows {
			return follows, "", err
		}
		return false, "no portal access and neither the ticket's opener nor a follower", nil
	}
	return false, "portal access " + m.Access, nil
}
