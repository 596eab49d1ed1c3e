package ticket

import (
	"context"

	"pforte/internal/db"
)

// toMainContacts tells the main contacts of the ticket's company about a new ticket
// when they asked for it in their notification settings: they see every ticket of the
// company in the portal, and some want to know at once when a colleague opens one.
// Only contacts with active access get it (the mail links to the portal); the opener
// is left out, they have their own confirmation. (Nobody follows a ticket yet while it
// is being created.)
func (n Notifier) toMainContacts(ctx context.Context, tx db.Querier, t Ticket, opened New) error {
	to, err := contactsOf(ctx, tx, `SELECT c.id, c.email, TRIM(c.first_name || ' ' || c.last_name), c.first_name, c.language,
		TRUE FROM contacts c JOIN memberships m ON m.contact_id = c.id AND m.company_id = ? AND m.access = 'active' AND m.role = 'main'
		WHERE c.tenant_id = ? AND c.email <> '' AND c.notify_company AND c.id <> ?`,
		t.CompanyID, t.TenantID, t.ContactID)
	if err != nil || len(to) == 0 {
		return err
	}
	return n.send(ctx, tx, t, "mail.ticket_new_company", opened.Body, map[string]any{"Author": opened.Author}, n.portalLink(t), to)
}
