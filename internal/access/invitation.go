package access

import (
	"context"
	"errors"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/tenant"
)

// CheckInvitation tells whether an invitation link can still be used, and for whom.
// The link of an archived company's membership opens nothing until it is restored.
func (s *Service) CheckInvitation(ctx context.Context, tenantID int64, raw string) (contact.Contact, error) {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeInvitation, raw, s.Now())
	if err != nil {
		return contact.Contact{}, err
	}
	if m, err := contact.GetMembership(ctx, s.DB, tenantID, tok.MembershipID); err == nil && m.CompanyArchived {
		return contact.Contact{}, auth.ErrTokenUnknown
	}
	return contact.Get(ctx, s.DB, tenantID, tok.ContactID)
}

// InvitedCompany is the name of the company the invitation link raw is for, "" when
// the link is not (or no longer) an open invitation. Someone who already has an
// account is asked to confirm joining it by name.
func (s *Service) InvitedCompany(ctx context.Context, tenantID int64, raw string) string {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeInvitation, raw, s.Now())
	if err != nil {
		return ""
	}
	m, err := contact.GetMembership(ctx, s.DB, tenantID, tok.MembershipID)
	if err != nil || m.Access != contact.AccessInvited || m.CompanyArchived {
		return ""
	}
	return m.CompanyName
}

// AcceptInvitation sets the contact's password, activates their invited memberships,
// uses up the link and logs them in. A contact who already has a password (invited by
// a colleague into one more company) instead confirms it: that activates only this
// invitation's membership (see acceptWithPassword).
func (s *Service) AcceptInvitation(ctx context.Context, tenantID int64, raw, pw, confirm string, c Client) (string, error) {
	ct, err := s.CheckInvitation(ctx, tenantID, raw)
	if err != nil {
		return "", err
	}
	if ct.PasswordHash != "" {
		return s.acceptWithPassword(ctx, ct, raw, pw, c)
	}
	if e := CheckNewPassword("password", pw, confirm, ct.Email); e.Any() {
		return "", e
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return "", err
	}
	now := s.Now()
	var sess, challenge string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := takeInvitation(ctx, tx, tenantID, raw, ct, now)
		if err != nil {
			return err
		}
		if err := contact.SetPassword(ctx, tx, tenantID, ct.ID, hash, now); err != nil {
			return err
		}
		if err := contact.ActivateInvited(ctx, tx, tenantID, ct.ID, m.ID, now); err != nil {
			return err
		}
		// Earlier sessions (if a password existed before) end: a new password was set.
		if err := session.EndForContact(ctx, tx, tenantID, ct.ID, 0); err != nil {
			return err
		}
		// A contact who already has two-factor authentication on still needs the code.
		if sess, challenge, err = s.openSession(ctx, tx, tenantID, ct, m.CompanyID, c, now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, tenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordSet, "invitation", c.IP, now)
	})
	if err == nil && challenge != "" {
		return "", &SecondFactorNeeded{Challenge: challenge}
	}
	return sess, err
}

// takeInvitation uses up the invitation link raw of contact ct in tx and returns its
// membership. The link is only good while its invitation stands (not revoked or
// accepted meanwhile).
func takeInvitation(ctx context.Context, tx db.Querier, tenantID int64, raw string, ct contact.Contact, now time.Time) (contact.Membership, error) {
	tok, m, err := lookupInvitation(ctx, tx, tenantID, raw, ct, now)
	if err != nil {
		return m, err
	}
	return m, auth.ConsumeToken(ctx, tx, tok.ID, now)
}

// lookupInvitation finds the live invitation link raw of contact ct and its membership,
// still invited, without using it up.
func lookupInvitation(ctx context.Context, tx db.Querier, tenantID int64, raw string, ct contact.Contact, now time.Time) (auth.Token, contact.Membership, error) {
	tok, err := auth.LookupToken(ctx, tx, tenantID, auth.PurposeInvitation, raw, now)
	if err != nil {
		return tok, contact.Membership{}, err
	}
	m, err := contact.GetMembership(ctx, tx, tenantID, tok.MembershipID)
	// An archived company's invitation waits for a restore; meanwhile it opens nothing.
	if err != nil || m.Access != contact.AccessInvited || m.ContactID != ct.ID || m.CompanyArchived {
		return tok, m, errors.Join(err, auth.ErrTokenUnknown)
	}
	return tok, m, nil
}

// inviter is who an invitation names as having invited its reader: the actor's name,
// or the portal's (the provider's) when the actor has none to show (a staff account
// without a name, or an actor set up by code rather than a person), so the sentence
// reads whole either way.
func (a Actor) inviter(t tenant.Tenant) string {
	if name := strings.TrimSpace(a.Name); name != "" {
		return name
	}
	return t.Name
}
