package mailtmpl

// Placeholders of the helpdesk's mails.
var (
	TicketNo    = Placeholder{Name: "ticket", Data: "Ticket", Sample: "#1042"}
	TicketTitle = Placeholder{Name: "title", Data: "Title", SampleKey: "templates.sample.title"}
	StatusName  = Placeholder{Name: "status", Data: "Status", SampleKey: "templates.sample.status"}
	Author      = Placeholder{Name: "author", Data: "Author", Sample: "Max Berger"}
	// ContactName is the customer a ticket is for, when someone else (staff) opened it.
	ContactName = Placeholder{Name: "contact", Data: "Contact", Sample: "Jonas Keller"}
)

// Mails of the helpdesk (issue 4). Contacts and followers hear of replies, status
// changes and decisions; staff hear of new tickets, of customers' replies and of tickets
// a colleague assigned to them, as each chose (staff.Notifications). The text written
// (never an internal note) follows the tenant's wording as a quoted block
// (outbox.Letter.Quote), so it needs no placeholder.
func init() {
	register(
		Mail{Key: "mail.ticket_received", Placeholders: ticketWith(ticketPath), Quoted: QuoteMessage},
		// Staff's answer (or a contact's, to the ticket's other contacts) reads as the
		// writer's own mail: the built-in text places it with {{reply}}.
		Mail{Key: "mail.ticket_reply", Placeholders: ticketWith(ticketPath, Author, Reply), Quoted: QuotePlaced},
		Mail{Key: "mail.ticket_status", Placeholders: ticketWith(ticketPath, StatusName, Author)},
		// The same answer with a status change: the same person's mail, the new status a
		// line of its footer.
		Mail{Key: "mail.ticket_reply_status", Placeholders: ticketWith(ticketPath, StatusName, Author, Reply), Quoted: QuotePlaced},
		Mail{Key: "mail.ticket_accepted", Placeholders: ticketWith(ticketPath)},
		Mail{Key: "mail.ticket_declined", Placeholders: ticketWith(ticketPath, Reason)},
		Mail{Key: "mail.ticket_new_company", Placeholders: ticketWith(ticketPath, Author), Quoted: QuoteMessage},
		Mail{Key: "mail.ticket_new_staff", Staff: true, Placeholders: ticketWith("/admin"+ticketPath, Author), Quoted: QuoteMessage},
		// A ticket a staff member (Author) opened on a contact's behalf: a mail of its
		// own, since one wording cannot say both "the customer opened it" and "a
		// colleague opened it for the customer", and a tenant's text of the first must
		// not start crediting the customer with the colleague's work.
		Mail{Key: "mail.ticket_new_on_behalf_staff", Staff: true, Placeholders: ticketWith("/admin"+ticketPath, Author, ContactName), Quoted: QuoteMessage},
		Mail{Key: "mail.ticket_reply_staff", Staff: true, Placeholders: ticketWith("/admin"+ticketPath, Author), Quoted: QuoteReply},
		// Author: who assigned it.
		Mail{Key: "mail.ticket_assigned_staff", Staff: true, Placeholders: ticketWith("/admin"+ticketPath, Author)},
	)
}

// ticketPath is where the sample ticket (TicketNo) is in the portal.
const ticketPath = "/tickets/1042"

// ticketWith builds a fresh list each time: the ticket's placeholders (the button leading
// to link) and extra ones.
func ticketWith(link string, extra ...Placeholder) []Placeholder {
	return with(link, append([]Placeholder{TicketNo, TicketTitle, Company}, extra...)...)
}
