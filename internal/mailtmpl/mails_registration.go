package mailtmpl

// Mails of self-registration. Their default texts come with the self-registration
// work (issue 3, item 4); the placeholder sets are the ones that work most likely uses.
func init() {
	register(
		Mail{Key: "mail.registration_confirm", Placeholders: with(Company, Days)},
		Mail{Key: "mail.registration_received", Placeholders: with(Company)},
		Mail{Key: "mail.registration_approved", Placeholders: with(Company, PortalURL, Username)},
		Mail{Key: "mail.registration_rejected", Placeholders: with(Company, Reason)},
	)
}
