package audit

import "fmt"

// Staff's corrections of a ticket's people: they change which contacts see it.
const (
	// TicketMoved: staff gave a ticket another opener, possibly in another company.
	TicketMoved = "ticket_moved"
	// TicketFollowerAdded and TicketFollowerRemoved: staff let a contact of the
	// ticket's company follow it (see it and get its mails), or stopped that.
	TicketFollowerAdded   = "ticket_follower_added"
	TicketFollowerRemoved = "ticket_follower_removed"
)

// MovedTarget is the target of a TicketMoved entry: the ticket, then company and
// contact before and after by id, so the log tells the move however names change:
// "#12 · company:7 → company:9 · contact:3 → contact:8".
func MovedTarget(ticketID, fromCompany, toCompany, fromContact, toContact int64) string {
	return fmt.Sprintf("#%d · company:%d → company:%d · contact:%d → contact:%d", ticketID, fromCompany, toCompany, fromContact, toContact)
}

// FollowerTarget is the target of TicketFollowerAdded and TicketFollowerRemoved:
// "#12 · contact:8".
func FollowerTarget(ticketID, contactID int64) string {
	return fmt.Sprintf("#%d · contact:%d", ticketID, contactID)
}
