package audit

// Actions of an admin answering a contact's data-protection request in the back office.
// The target is "contact <id>", the entry concerns that contact (LogFor).
const (
	// ContactErased: an admin erased (anonymised) a contact, as the contact's own
	// account deletion does; the target goes on with ": " and the reason typed, if any.
	ContactErased = "contact_erased"
	// ContactDataExported: an admin downloaded the contact's data export for them.
	ContactDataExported = "contact_data_exported"
)
