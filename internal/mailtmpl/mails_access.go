package mailtmpl

// Inviter is who invited the contact: the staff member who granted access, or the
// customer's main contact who invited a colleague (access.Actor.Name); in a staff
// invitation, the admin who invited the new staff member.
var Inviter = Placeholder{Name: "inviter", Data: "Inviter", Sample: "Maria Berger"}

// Mails about getting into the portal.
func init() {
	register(
		Mail{Key: "mail.invitation", Placeholders: with(invitationPath, Company, PortalURL, Days, Inviter)},
		Mail{Key: "mail.access", Placeholders: with("/login", Company, PortalURL)},
		Mail{Key: "mail.colleague_invitation", Placeholders: with(invitationPath, Company, PortalURL, Days, Inviter)},
		Mail{Key: "mail.registration_existing", Placeholders: with("/login", Company, PortalURL, Username)},
		Mail{Key: "mail.welcome", Placeholders: with(invitationPath, Company, PortalURL, Username, Days)},
		Mail{Key: "mail.reset", Placeholders: with(resetPath, Minutes)},
		Mail{Key: "mail.password_changed", Placeholders: with("/login", Support()...)},
		Mail{Key: "mail.staff_invitation", Staff: true, Placeholders: []Placeholder{FullName, Portal, LinkTo("/admin" + invitationPath), Days, Inviter}},
	)
}
