package mailtmpl

// Security notices of the account page (issue 3, item 6).
func init() {
	register(
		Mail{Key: "mail.twofactor_enabled", Placeholders: with("/login", Support()...)},
		Mail{Key: "mail.twofactor_disabled", Placeholders: with("/login", Support()...)},
		Mail{Key: "mail.recovery_used", Placeholders: with("/account", Left, SupportPhone, SupportEmail)},
		Mail{Key: "mail.passkey_added", Placeholders: with("/account", Passkey)},
		Mail{Key: "mail.passkey_removed", Placeholders: with("/account", Passkey)},
		// Staff changed the contact's login address; sent to the old one.
		Mail{Key: "mail.login_email_changed", Placeholders: with("/login")},
	)
}
