package audit

import (
	"fmt"
	"strconv"
)

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

// InboxCreatedTarget is the target of an InboxTicketCreated entry: the ids first, then
// the title (a mail's subject), the company's name and the sender's address quoted as
// Go strings, so the log can tell the parts apart whatever the subject holds:
// `#12 · company:7 · "Printer down" · "Kunde AG" · "anna@kunde.test" (new contact)`.
// Entries before this form read "#12 Printer down: Kunde AG, anna@kunde.test (new contact)".
func InboxCreatedTarget(ticketID, companyID int64, title, company, email string, newContact bool) string {
	s := fmt.Sprintf("#%d · company:%d · %s · %s · %s", ticketID, companyID, strconv.Quote(title),
		strconv.Quote(company), strconv.Quote(email))
	if newContact {
		s += " (new contact)"
	}
	return s
}
