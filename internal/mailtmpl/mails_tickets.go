package mailtmpl

// Placeholders of the helpdesk's mails.
var (
	TicketNo    = Placeholder{Name: "ticket", Data: "Ticket", Sample: "#1042"}
	TicketTitle = Placeholder{Name: "title", Data: "Title", Sample: "Drucker im 2. OG druckt nicht"}
	StatusName  = Placeholder{Name: "status", Data: "Status", Sample: "In Bearbeitung"}
	Author      = Placeholder{Name: "author", Data: "Author", Sample: "Max Berger"}
)

// Mails of the helpdesk (issue 4). Contacts and followers hear of replies, status
// changes and decisions; staff hear of new tickets, of customers' replies and of tickets
// a colleague assigned to them, as each chose (staff.Notifications). The text written
// (never an internal note) follows the tenant's wording as a quoted block
// (outbox.Letter.Quote), so it needs no placeholder.
func init() {
	register(
		Mail{Key: "mail.ticket_received", Placeholders: ticketWith()},
		Mail{Key: "mail.ticket_reply", Placeholders: ticketWith(Author)},
		Mail{Key: "mail.ticket_status", Placeholders: ticketWith(StatusName, Author)},
		Mail{Key: "mail.ticket_reply_status", Placeholders: ticketWith(StatusName, Author)},
		Mail{Key: "mail.ticket_accepted", Placeholders: ticketWith()},
		Mail{Key: "mail.ticket_declined", Placeholders: ticketWith(Reason)},
		Mail{Key: "mail.ticket_new_company", Placeholders: ticketWith(Author)},
		Mail{Key: "mail.ticket_new_staff", Staff: true, Placeholders: ticketWith(Author)},
		Mail{Key: "mail.ticket_reply_staff", Staff: true, Placeholders: ticketWith(Author)},
		Mail{Key: "mail.ticket_assigned_staff", Staff: true, Placeholders: ticketWith(Author)}, // Author: who assigned it
	)
}

// ticketWith builds a fresh list each time: the ticket's placeholders and extra ones.
func ticketWith(extra ...Placeholder) []Placeholder {
	return with(append([]Placeholder{TicketNo, TicketTitle, Company}, extra...)...)
}
