package access

import (
	"context"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// InvitedRole changes the role of an invitation the contact has not accepted yet,
// without a new mail or link: staff who picked the wrong role need not void the link
// the contact may be about to use. It returns db.ErrNotFound for a membership that is
// not an open invitation; active access changes its role through Grant.
func (s *Service) InvitedRole(ctx context.Context, t tenant.Tenant, by Actor, membershipID int64, role string) (changed bool, err error) {
	if role != principal.RoleMain && role != principal.RoleUser {
		return false, validate.Errors{"role": {ID: "error.choice"}}
	}
	m, err := contact.GetMembership(ctx, s.DB, t.ID, membershipID)
	if err != nil {
		return false, err
	}
	if m.Access != contact.AccessInvited {
		return false, db.ErrNotFound
	}
	if m.Role == role {
		return false, nil
	}
	now := s.Now()
	return true, s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := contact.SetInvitedRole(ctx, tx, t.ID, m.ID, role); err != nil {
			return err
		}
		target := fmt.Sprintf("%s @ %s (%s → %s)", m.Email, m.CompanyName, m.Role, role)
		return audit.LogFor(ctx, tx, t.ID, m.ContactID, by.Label, audit.RoleChanged, target, by.IP, now)
	})
}
