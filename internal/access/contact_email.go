package access

import (
	"context"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// hasPortal reports whether any of the memberships can sign in or is invited to.
func hasPortal(ms []contact.Membership, states ...string) bool {
	for _, m := range ms {
		for _, s := range states {
			if m.Access == s {
				return true
			}
		}
	}
	return false
}

// needsEmail refuses to clear the email address of a contact who has portal access or
// an open invitation: the address is their login name, so they would be locked out
// while the company page still shows them as active. The other fields' errors come
// along, so staff see every problem of the form at once.
func needsEmail(in contact.Contact, ms []contact.Membership) error {
	in.Normalize()
	if in.Email != "" || !hasPortal(ms, contact.AccessActive, contact.AccessInvited) {
		return nil
	}
	e := in.Validate(i18n.Languages)
	e.Add("email", "qa2_people.contact.email_needed", nil)
	return validate.Errors(e)
}

// emailChangedNotice tells a contact who can sign in that staff changed their login
// address, at the old address: if the change was not asked for, the person who owns
// the account learns of it where they still read mail. Invited contacts have no
// account yet, so they get nothing.
func (s *Service) emailChangedNotice(ctx context.Context, tx *db.Tx, t tenant.Tenant, old contact.Contact, ms []contact.Membership, origin string) error {
	if old.Email == "" || old.PasswordHash == "" || !hasPortal(ms, contact.AccessActive) {
		return nil
	}
	msg, err := outbox.Letter{To: old.Email, Lang: lang(old.Language, t), Sender: t.Name, Key: "mail.login_email_changed",
		ActionURL: origin + "/login", Data: map[string]any{"FirstName": old.FirstName, "Name": old.Name(), "Portal": t.Name}}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.Queue(ctx, tx, t.ID, msg, s.Now())
	return err
}
