package ticket

// Mailed counts the mails a change queued for the customer's side: the staff member
// who answered is told the truth afterwards ("emailed to the customer", "emailed
// without a portal link", "nobody was mailed") instead of assuming a mail went out.
type Mailed struct {
	Contacts int // mails to contacts, of any kind
	NoPortal int // of them, mails without the portal's link (no active access)
}

// Counting returns the notifier counting the customers' mails it queues into m.
func (n Notifier) Counting(m *Mailed) Notifier {
	n.mailed = m
	return n
}

// count notes one mail queued for r.
func (n Notifier) count(r recipient) {
	if n.mailed == nil || r.staff {
		return
	}
	n.mailed.Contacts++
	if !r.signsIn {
		n.mailed.NoPortal++
	}
}
