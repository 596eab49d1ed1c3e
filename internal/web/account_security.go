package web

// TwoFactorState is what an account page's two-factor section shows, in the portal
// (a contact; a company may require it) and in the back office (a staff member; the
// tenant may require it).
type TwoFactorState struct {
	On       bool   // TOTP is switched on
	Left     int    // unused recovery codes
	Required bool   // two factors are required: switching off is refused
	Base     string // path of the section's forms, e.g. "/account/twofactor"
	// RequiredNote and Blocked are message ids: why the setup is asked for, and why
	// switching off is not offered; each side words its own rule.
	RequiredNote, Blocked string
	F                     Form // errors of the section's forms
}
