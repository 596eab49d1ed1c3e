package audit

// Actions on the outbox.
const (
	// MailRetried: an admin made a waiting or failed mail due at once ("retry now").
	MailRetried = "mail_retried"
)
