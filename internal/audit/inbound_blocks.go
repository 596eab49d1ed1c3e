package audit

// Actions of answering and blocking the senders of unsorted mail (package inboxmail).
// A block's and an unblock's target is BlockTarget; a reply's is the address answered.
const (
	InboxReplied    = "inbox_replied"    // staff answered an unsorted mail's sender
	SenderBlocked   = "sender_blocked"   // an address or domain was blocked
	SenderUnblocked = "sender_unblocked" // a block was lifted
)

// BlockTarget is the target of a SenderBlocked or SenderUnblocked entry: the kind
// ("address" or "domain") and the value, "domain:spam.example".
func BlockTarget(kind, value string) string { return kind + ":" + value }
