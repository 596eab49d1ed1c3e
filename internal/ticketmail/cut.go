package ticketmail

import (
	"pforte/internal/i18n"
	"pforte/internal/tenant"
)

// incomplete puts a note in the tenant's language above a ticket message made of a
// mail that arrived incomplete (mailin.Message.Cut, inbox.MailPayload.Cut): it ended
// before its last part, so an attachment may be missing or short, and whoever reads
// the message should know before relying on it (and may ask the sender again). The
// note comes after fit, so it never pushes the sender's text into a shortening.
func incomplete(t tenant.Tenant, body string, cut bool) string {
	if !cut {
		return body
	}
	return i18n.For(t.DefaultLanguage).T("ticketmail.incomplete") + "\n\n" + body
}
