package ticket

// ExceptStaff is n without mails to the staff member id: the one who did what the
// mails report. Staff sorting a customer's mail from the inbox into a new ticket or
// into a ticket as the customer's reply act for the customer (the ticket and the reply
// are the customer's), yet they know about it already: "new ticket" or "customer
// replied" about their own sorting is noise. Colleagues still get their mails.
func (n Notifier) ExceptStaff(id int64) Notifier {
	n.exceptStaff = id
	return n
}
