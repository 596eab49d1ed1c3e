package mailtmpl

import "strings"

// Group is the part of the templates page a mail is listed in, so a tenant looking
// for "the mail a customer gets when we answer" finds it among a handful of ticket
// mails rather than in one list of all mails sorted by internal key.
type Group string

// The groups, in the order the templates page shows them.
const (
	GroupTickets  Group = "tickets"  // to customers: their tickets and downloads
	GroupAccess   Group = "access"   // to customers: getting into the portal, their account
	GroupSecurity Group = "security" // to customers: notices about their sign-in
	GroupStaff    Group = "staff"    // to staff
)

// Groups lists every group in page order.
var Groups = []Group{GroupTickets, GroupAccess, GroupSecurity, GroupStaff}

// Label is the i18n key of the group's heading.
func (g Group) Label() string { return "templates.group." + string(g) }

// securityNotices are the contacts' mails telling of a change to how they sign in.
var securityNotices = map[string]bool{"password_changed": true, "twofactor_enabled": true,
	"twofactor_disabled": true, "recovery_used": true, "passkey_added": true, "passkey_removed": true,
	"login_email_changed": true}

// Group says where m is listed: staff mails together, a wording for contacts without
// portal access beside the mail it stands in for, ticket and download mails, security
// notices, and the rest (invitations, registration, passwords) under access.
func (m Mail) Group() Group {
	name := m.Name()
	switch {
	case m.Staff:
		return GroupStaff
	case m.NoPortalOf != "":
		if o, ok := Lookup(m.NoPortalOf); ok {
			return o.Group()
		}
		return GroupTickets
	case strings.HasPrefix(name, "ticket_"), strings.HasPrefix(name, "download_"):
		return GroupTickets
	case securityNotices[name]:
		return GroupSecurity
	}
	return GroupAccess
}
