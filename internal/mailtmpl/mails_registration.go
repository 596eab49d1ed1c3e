package mailtmpl

// Mails of self-registration (issue 3, item 4). Company is the name the person typed,
// except in the approved mail, where it is the company staff chose; Days is only set
// when the approval carries a set-password link.
func init() {
	register(
		Mail{Key: "mail.registration_confirm", Placeholders: with("/register/confirm/Xb3…", Company, Hours)},
		Mail{Key: "mail.registration_received", Placeholders: with("/", Company)},
		Mail{Key: "mail.registration_approved", Placeholders: with(invitationPath, Company, Days)},
		Mail{Key: "mail.registration_rejected", Placeholders: with("/", Company, Reason)},
	)
}
