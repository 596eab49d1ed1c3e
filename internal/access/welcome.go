package access

import (
	"context"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

// Welcome applies the tenant's welcome-mail rule (tenant.FeatureWelcomeMail) to a
// membership staff have just created, inside the transaction that created it: the
// contact gets portal access with the membership's role at once and mail.welcome with
// the portal address, their username (the email) and a set-password link — the
// invitation link, never a password. A contact who has a password already gets the
// usual access notice. With the rule off, or without an email address to write to,
// nothing happens and staff grant access as before. It reports whether access was given.
func (s *Service) Welcome(ctx context.Context, tx *db.Tx, t tenant.Tenant, by Actor, membershipID int64, origin string) (bool, error) {
	if !t.Has(tenant.FeatureWelcomeMail) {
		return false, nil
	}
	m, err := contact.GetMembership(ctx, tx, t.ID, membershipID)
	if err != nil {
		return false, err
	}
	ct, err := contact.Get(ctx, tx, t.ID, m.ContactID)
	if err != nil {
		return false, err
	}
	if ct.Email == "" || m.Access == contact.AccessActive {
		return false, nil
	}
	return true, s.grantIn(ctx, tx, t, by, m, ct, m.Role, origin, "mail.welcome", "")
}
