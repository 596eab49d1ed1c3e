package audit

// Actions of managing staff beyond role and active flag.
const (
	// StaffRenamed: an admin changed a member's name; target "email: old → new".
	StaffRenamed = "staff_renamed"
	// StaffInvitationWithdrawn: an admin deleted a member who never signed in, and
	// with them the invitation link; target "email (role)".
	StaffInvitationWithdrawn = "staff_invitation_withdrawn"
)

// StaffTicketsUnassigned: a deactivated member's open tickets went back to nobody;
// target "email: count".
const StaffTicketsUnassigned = "staff_tickets_unassigned"
