package mailtmpl

// Mails to staff about their own back-office account.
func init() {
	staff := func(link string, extra ...Placeholder) []Placeholder {
		return append([]Placeholder{FullName, Portal, LinkTo("/admin" + link)}, extra...)
	}
	register(
		Mail{Key: "mail.staff_reset", Staff: true, Placeholders: staff(resetPath, Minutes)},
		Mail{Key: "mail.staff_password_changed", Staff: true, Placeholders: staff("/login")},
		Mail{Key: "mail.staff_twofactor_enabled", Staff: true, Placeholders: staff("/account")},
		Mail{Key: "mail.staff_twofactor_disabled", Staff: true, Placeholders: staff("/account")},
		Mail{Key: "mail.staff_recovery_used", Staff: true, Placeholders: staff("/account", Left)},
	)
}
