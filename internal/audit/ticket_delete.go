package audit

import (
	"fmt"
	"strconv"
)

// TicketDeleted: an admin deleted a ticket for good (spam, a test), with its
// conversation and files (ticket.Delete); a ticket merged into it gets an entry of
// its own.
const TicketDeleted = "ticket_deleted"

// DeletedTicketTarget is the target of a TicketDeleted entry: the ids first, then the
// title and the company's name quoted as Go strings, so the log can tell the parts
// apart whatever the title (which customers type) holds:
// `#12 · company:7 · "Printer" · "Kunde AG"`.
func DeletedTicketTarget(ticketID, companyID int64, title, company string) string {
	return fmt.Sprintf("#%d · company:%d · %s · %s", ticketID, companyID, strconv.Quote(title), strconv.Quote(company))
}
