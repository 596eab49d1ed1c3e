package mailtmpl

// TargetTicket is the number of the ticket another was merged into.
var TargetTicket = Placeholder{Name: "target", Data: "Target", Sample: "#1043"}

// The mail of a merge: staff merged a customer's ticket into another of the same
// company (ticket.Merge), and the source's contacts learn where it continues.
func init() {
	register(Mail{Key: "mail.ticket_merged", Placeholders: ticketWith("/tickets/1043", TargetTicket)})
}
