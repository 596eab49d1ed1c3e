package admin

import (
	"context"

	"pforte/internal/ticket"
)

// contactOpenedLimit is how many of the tickets a contact opened their page lists.
const contactOpenedLimit = 10

// contactOpened is what the contact's page shows of the tickets they opened.
type contactOpened struct {
	List []ticket.Ticket
	More bool // there are older ones; the queue filtered by the contact has them all
	// ContactID is the contact's, for the links to the queue filtered by them
	// (ticket_list_contact.go).
	ContactID int64
}

// loadContactOpened loads the newest tickets contact opened in the tenant: who calls
// about a problem is looked up by name, and staff see at once what else they wrote.
func (a *Admin) loadContactOpened(ctx context.Context, tenantID, contactID int64) (contactOpened, error) {
	list, more, err := ticket.OpenedBy(ctx, a.env.DB, tenantID, contactID, contactOpenedLimit)
	return contactOpened{List: list, More: more, ContactID: contactID}, err
}
