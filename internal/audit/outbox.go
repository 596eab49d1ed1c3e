package audit

// Actions on the outbox.
const (
	// MailRetried: an admin made a waiting or failed mail due at once ("retry now").
	MailRetried = "mail_retried"
	// MailDiscarded: an admin chose not to send a mail a restore held ("Don't send",
	// or "Don't send any": one entry per mail); the target is "#id address" as for
	// MailRetried.
	MailDiscarded = "mail_discarded"
)
