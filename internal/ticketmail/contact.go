package ticketmail

import (
	"context"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbound"
	"pforte/internal/principal"
)

// newContact adds the unknown sender to the company their email domain belongs to, as
// a plain user without portal access: they get the ticket's mails, and staff may grant
// access later. Their mail's Content-Language, when the portal speaks it, becomes their
// language: an English-writing sender at a German company is answered in English.
func newContact(ctx context.Context, tx db.Querier, d inbound.Delivery, companyID int64) (contact.Contact, error) {
	first, last := splitName(d.Message.From.Name, d.Message.From.Address)
	c, err := contact.Create(ctx, tx, contact.Contact{TenantID: d.TenantID, FirstName: first, LastName: last,
		Email: strings.ToLower(d.Message.From.Address), Language: i18n.Negotiate(d.Message.Language)}, i18n.Languages, d.ReceivedAt)
	if err != nil {
		return c, err
	}
	_, err = contact.AddMembership(ctx, tx, d.TenantID, c.ID, companyID, principal.RoleUser, d.ReceivedAt)
	return c, err
}

// splitName makes first and last name from a display name ("Anna Schmidt", "Schmidt,
// Anna"), or from the address's local part when the mail has no name.
func splitName(name, addr string) (string, string) {
	name = strings.TrimSpace(strings.Trim(name, `"'`))
	if name == "" {
		name = strings.NewReplacer(".", " ", "_", " ", "-", " ").Replace(addr[:max(strings.IndexByte(addr, '@'), 0)])
	}
	if last, first, ok := strings.Cut(name, ","); ok {
		return strings.TrimSpace(first), strings.TrimSpace(last)
	}
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		return strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
	}
	if name == "" {
		name = addr
	}
	return "", name
}

// companyOf is the company a known sender writes for: the one they used last, else the
// first where they have a membership that is neither revoked nor an open colleague's
// invitation (0: none).
func companyOf(ctx context.Context, tx db.Querier, c contact.Contact) int64 {
	ms, err := contact.MembershipsOfContact(ctx, tx, c.TenantID, c.ID)
	if err != nil {
		return 0
	}
	var first int64
	for _, m := range ms {
		// A colleague's invitation the person has not accepted is no tie: otherwise any
		// main contact could invite an address and read that person's next mail to
		// support as a ticket of their own company.
		// Nor is an archived company: its mail goes to the inbox for staff to sort.
		if m.Access == contact.AccessRevoked || (m.Access == contact.AccessInvited && m.InvitedName != "") || m.CompanyArchived {
			continue
		}
		if m.CompanyID == c.LastCompanyID {
			return m.CompanyID
		}
		if first == 0 {
			first = m.CompanyID
		}
	}
	return first
}
