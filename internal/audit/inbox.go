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

// Actions of sorting the inbox: a mail made a ticket or was attached to one, a company
// created for a registration, a sender's domain given to a company.
const (
	InboxTicketCreated  = "inbox_ticket_created"
	InboxTicketAttached = "inbox_ticket_attached"
	CompanyCreated      = "company_created"
	CompanyDomainAdded  = "company_domain_added"
)
