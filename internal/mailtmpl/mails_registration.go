package mailtmpl

// Mails of self-registration (issue 3, item 4). Company is the name the person typed,
// except in the approved mail, where it is the company staff chose; Days is only set
// when the approval carries a set-password link.
func init() {
	register(
		Mail{Key: "mail.registration_confirm", Placeholders: with("/register/confirm/Xb3…", Company, Hours)},
		// Neither the pending nor the rejected person can sign in: no button to the portal.
		// Both offered {{link}} before; a text saved then keeps working (Withdrawn).
		Mail{Key: "mail.registration_received", NoButton: true, Withdrawn: []string{Link.Name},
			Placeholders: []Placeholder{FirstName, FullName, Portal, Company}},
		Mail{Key: "mail.registration_approved", Placeholders: with(invitationPath, Company, Days)},
		Mail{Key: "mail.registration_rejected", NoButton: true, Withdrawn: []string{Link.Name}, Placeholders: []Placeholder{FirstName, FullName, Portal,
			Company, Reason, SupportPhone, SupportEmail}},
		// To each main contact of the suggested company, where main contacts decide:
		// Company is their company, the applicant the person who registered.
		Mail{Key: "mail.registration_waiting", Placeholders: with("/colleagues", Company, Applicant, ApplicantEmail)},
	)
}

// The person who registered, in the mail to the main contacts who decide on it.
var (
	Applicant      = Placeholder{Name: "applicant", Data: "Applicant", Sample: "Max Muster"}
	ApplicantEmail = Placeholder{Name: "applicant_email", Data: "ApplicantEmail", Sample: "max.muster@muster.example"}
)
