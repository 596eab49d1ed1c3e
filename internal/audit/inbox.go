package audit

// Actions of self-registration, the inbox and account deletion.
const (
	RegistrationRequested = "registration_requested" // a confirmation link was mailed
	RegistrationConfirmed = "registration_confirmed" // the link was used; the item is in the inbox
	RegistrationApproved  = "registration_approved"
	RegistrationRejected  = "registration_rejected"
	InboxDone             = "inbox_done"      // an inbox item was marked done
	AccountDeleted        = "account_deleted" // a contact deleted (anonymised) their account
	// AccountDeleteFailed is a wrong password on the delete-account form.
	AccountDeleteFailed = "account_delete_failed"
)
