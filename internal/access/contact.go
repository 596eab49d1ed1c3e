package access

import (
	"context"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
)

// RequireNotErased is ErrAlreadyErased when the contact was erased, as q (the
// transaction filing something for them) reads it: nothing is added to an erased
// contact.
func RequireNotErased(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	ct, err := contact.Get(ctx, q, tenantID, contactID)
	if err != nil {
		return err
	}
	if IsDeletedEmail(ct.Email) {
		return ErrAlreadyErased
	}
	return nil
}

// UpdateContact saves staff's changes to a contact, for a request to the portal at
// origin (the link in the notice that the login address changed). The email address is
// the contact's login name, so a change is audited, mailed to the old address and
// cancels the invitation and reset links sent there. An empty email is refused while
// the contact has portal access or an open invitation, checked on the memberships as
// the change's transaction reads them.
func (s *Service) UpdateContact(ctx context.Context, t tenant.Tenant, by Actor, in contact.Contact, origin string) error {
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := contact.Get(ctx, tx, t.ID, in.ID)
		if err != nil {
			return err
		}
		// A form opened before the erasure must not bring the person back.
		if IsDeletedEmail(old.Email) {
			return ErrAlreadyErased
		}
		ms, err := contact.MembershipsOfContact(ctx, tx, t.ID, in.ID)
		if err != nil {
			return err
		}
		if err := needsEmail(in, ms); err != nil {
			return err
		}
		if err := contact.Update(ctx, tx, in, old.Email, i18n.Languages, now); err != nil {
			return err
		}
		in.Normalize()
		if in.Email == old.Email {
			return nil
		}
		if err := s.emailChangedNotice(ctx, tx, t, old, ms, origin); err != nil {
			return err
		}
		// Every link mailed to the old address stops working: whoever reads that mailbox
		// now must not set the password of the account that moved away.
		for _, purpose := range []string{auth.PurposeInvitation, auth.PurposeReset} {
			if err := auth.CancelTokens(ctx, tx, t.ID, old.ID, 0, purpose, now); err != nil {
				return err
			}
		}
		target := fmt.Sprintf("email %s → %s", old.Email, in.Email)
		return audit.LogFor(ctx, tx, t.ID, old.ID, by.Label, audit.ContactChanged, target, by.IP, now)
	})
}

// AddMembership puts a contact into a company (without portal access yet, unless the
// tenant's welcome-mail rule grants it at once, see Welcome) and logs it. It reports
// whether the contact was welcomed. An archived company is ErrCompanyArchived.
func (s *Service) AddMembership(ctx context.Context, t tenant.Tenant, by Actor, ct contact.Contact, companyID int64, companyName, role, origin string) (bool, error) {
	now := s.Now()
	var welcomed bool
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := requireLive(ctx, tx, t.ID, companyID); err != nil {
			return err // nothing new is filed under an archived company
		}
		if err := RequireNotErased(ctx, tx, t.ID, ct.ID); err != nil {
			return err
		}
		id, err := contact.AddMembership(ctx, tx, t.ID, ct.ID, companyID, role, now)
		if err != nil {
			return err
		}
		target := fmt.Sprintf("%s @ %s (%s)", ct.Email, companyName, role)
		if err := audit.LogFor(ctx, tx, t.ID, ct.ID, by.Label, audit.MembershipAdded, target, by.IP, now); err != nil {
			return err
		}
		welcomed, err = s.Welcome(ctx, tx, t, by, id, origin)
		return err
	})
	return welcomed, err
}
