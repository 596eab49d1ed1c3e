package mailtmpl

// The follow-up of a ticket fell due (ticket.MailFollowUps): its owner, the assignee or
// the staff member who set it, is asked to look at the ticket again, with the note of
// what to check quoted below the text.
func init() {
	register(Mail{Key: "mail.ticket_followup_staff", Staff: true, Placeholders: ticketWith("/admin" + ticketPath), Quoted: QuoteNote})
}
