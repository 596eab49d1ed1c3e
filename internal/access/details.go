package access

import (
	"context"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/validate"
)

// UpdateOwnDetails saves the name and phone a contact edits on their account page. The
// change is audited field by field, so staff see what changed.
func (s *Service) UpdateOwnDetails(ctx context.Context, p principal.Contact, first, last, phone, ip string) error {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	if IsDeletedEmail(ct.Email) {
		return ErrAlreadyErased
	}
	in := ct
	in.FirstName, in.LastName, in.Phone = first, last, phone
	in.Normalize()
	// The name goes into invitations a main contact sends to any address ({{inviter}}):
	// a changed one may hold no link (validate.NoWebAddress).
	e := validate.Errors{}
	if in.FirstName != ct.FirstName {
		e.NoWebAddress("first_name", in.FirstName)
	}
	if in.LastName != ct.LastName {
		e.NoWebAddress("last_name", in.LastName)
	}
	if e.Any() {
		return e
	}
	var changes []string
	for _, c := range []struct{ name, old, new string }{
		{"first_name", ct.FirstName, in.FirstName}, {"last_name", ct.LastName, in.LastName}, {"phone", ct.Phone, in.Phone},
	} {
		if c.old != c.new {
			changes = append(changes, c.name+": "+c.old+" → "+c.new)
		}
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Saved only while the address is still the one read above: staff changing it
		// (or erasing the contact) meanwhile is not undone by a name change.
		if err := contact.Update(ctx, tx, in, ct.Email, i18n.Languages, now); err != nil {
			return err
		}
		if len(changes) == 0 {
			return nil
		}
		return audit.LogFor(ctx, tx, p.TenantID, p.ContactID, ContactActor(ct.ID, ct.Email), audit.ContactChanged,
			strings.Join(changes, "; "), ip, now)
	})
}
