package mailtmpl

// The reminder of the helpdesk automation (ticket.Automate): a ticket waited for the
// customer's answer for the tenant's days, and its contact and followers are asked to
// answer, with staff's last public message quoted below the text. When the tenant has
// waiting tickets resolved, a line after the button, outside the editable wording,
// says by when.
func init() {
	register(Mail{Key: "mail.ticket_reminder", Placeholders: ticketWith(ticketPath), Quoted: QuoteAnswer})
}
