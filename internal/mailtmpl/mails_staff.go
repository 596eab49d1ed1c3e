package mailtmpl

// Mails to staff about their own back-office account.
func init() {
	staff := func(extra ...Placeholder) []Placeholder {
		return append([]Placeholder{FullName, Portal, Link}, extra...)
	}
	register(
		Mail{Key: "mail.staff_reset", Staff: true, Placeholders: staff(Minutes)},
		Mail{Key: "mail.staff_password_changed", Staff: true, Placeholders: staff()},
		Mail{Key: "mail.staff_twofactor_enabled", Staff: true, Placeholders: staff()},
		Mail{Key: "mail.staff_twofactor_disabled", Staff: true, Placeholders: staff()},
		Mail{Key: "mail.staff_recovery_used", Staff: true, Placeholders: staff(Left)},
	)
}
