package audit

// Actions of the helpdesk's text modules and of staff signatures: what staff insert
// into, and append to, the answers customers read.
const (
	TextModuleCreated = "text_module_created"
	TextModuleChanged = "text_module_changed"
	TextModuleDeleted = "text_module_deleted"
	SignatureChanged  = "signature_changed"
)
