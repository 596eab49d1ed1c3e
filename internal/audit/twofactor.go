package audit

// Actions of two-factor authentication.
const (
	TwoFactorEnabled  = "twofactor_enabled"
	TwoFactorDisabled = "twofactor_disabled"
	// TwoFactorFailed is a wrong, reused or throttled code at the second step of a login.
	TwoFactorFailed = "twofactor_failed"
	// RecoveryCodeUsed: a one-time recovery code stood in for the authenticator app.
	RecoveryCodeUsed        = "recovery_code_used"
	RecoveryCodesRenewed    = "recovery_codes_renewed"
	CompanyTwoFactorChanged = "company_twofactor_changed"
	// StaffTwoFactorRequired: an admin switched the tenant's rule "staff sign in with two
	// factors" on or off (the entry's target says which).
	StaffTwoFactorRequired = "staff_twofactor_required"
)
