package mailtmpl

// Mails about getting into the portal.
func init() {
	register(
		Mail{Key: "mail.invitation", Placeholders: with(Company, PortalURL, Days)},
		Mail{Key: "mail.access", Placeholders: with(Company, PortalURL)},
		Mail{Key: "mail.colleague_invitation", Placeholders: with(Company, PortalURL, Days)},
		Mail{Key: "mail.registration_existing", Placeholders: with(Company, PortalURL, Username)},
		Mail{Key: "mail.welcome", Placeholders: with(Company, PortalURL, Username, Days)},
		Mail{Key: "mail.reset", Placeholders: with(Minutes)},
		Mail{Key: "mail.password_changed", Placeholders: with()},
		Mail{Key: "mail.staff_invitation", Staff: true, Placeholders: []Placeholder{FullName, Portal, Link, Days}},
	)
}
