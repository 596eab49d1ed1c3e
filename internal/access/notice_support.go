package access

import (
	"pforte/internal/mail"
	"pforte/internal/tenant"
)

// A security notice ("your password was changed") and a registration's rejection
// say whom to contact, and matter most when the reader cannot sign in to look it up:
// they carry the tenant's support phone and address (Settings → Branding), and an
// answer goes to that address rather than to the portal's sender, which nobody reads.

// withSupport adds t's support contacts to a notice's data ({{support_phone}},
// {{support_email}}; a line using one that is not set is left out of the mail).
func withSupport(t tenant.Tenant, data map[string]any) map[string]any {
	data["SupportPhone"] = t.Brand.Support.Phone
	data["SupportEmail"] = t.Brand.Support.Email
	return data
}

// supportReply sets msg's Reply-To to t's support address, when one is set.
func supportReply(t tenant.Tenant, msg mail.Message) mail.Message {
	if t.Brand.Support.Email != "" {
		msg.ReplyTo = t.Brand.Support.Email
	}
	return msg
}
