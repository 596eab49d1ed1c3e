package mailtmpl

// A ticket a staff member (Author) opened for a contact: the contact hears that it was
// opened for them, not the confirmation's thanks for a request of their own (nobody is
// waiting for a first answer). Same placeholders as the confirmation, plus who opened it.
func init() {
	register(Mail{Key: "mail.ticket_opened_for_you", Placeholders: ticketWith(ticketPath, Author), Quoted: QuoteMessage})
}
