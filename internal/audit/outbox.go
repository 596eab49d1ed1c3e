package audit

import "strconv"

// Actions on the outbox.
const (
	// MailRetried: an admin made a waiting or failed mail due at once ("retry now").
	MailRetried = "mail_retried"
	// MailDiscarded: an admin chose not to send a mail a restore held ("Don't send",
	// or "Don't send any": one entry per mail); the target is "#id address" as for
	// MailRetried.
	MailDiscarded = "mail_discarded"
)

// MailTarget is the target of the outbox's entries: the mail's number and its
// recipient ("#12 anna@kunde.test"), which an erasure of the recipient masks.
func MailTarget(id int64, to string) string {
	return "#" + strconv.FormatInt(id, 10) + " " + to
}
