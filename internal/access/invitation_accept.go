package access

import (
	"context"
	"errors"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// acceptWithPassword accepts the invitation raw for a contact who already has a
// password: they confirm it (throttled like a login, the link alone is not enough), and
// the invitation's membership becomes active; their password and other sessions stay.
// They are logged in to the company they just joined. With two-factor sign-in on, the
// password is only half of that sign-in: the invitation then waits, unused, in the
// second step's challenge and is accepted by SecondFactor once the code is right.
func (s *Service) acceptWithPassword(ctx context.Context, ct contact.Contact, raw, pw string, c Client) (string, error) {
	tenantID := ct.TenantID
	if pw == "" { // nothing typed: say so, not "wrong password", and count no failure
		return "", validate.Errors{"password": {ID: "error.required"}}
	}
	if err := s.checkThrottle(ctx, tenantID, ct.Email, c); errors.Is(err, ErrThrottled) {
		return "", validate.Errors{"password": {ID: "login.throttled"}}
	} else if err != nil {
		return "", err
	}
	if auth.CheckPassword(ct.PasswordHash, pw) != nil {
		s.failed(ctx, tenantID, ct.ID, ct.Email, c)
		return "", validate.Errors{"password": {ID: "error.account_password_wrong"}}
	}
	now := s.Now()
	var sess, challenge string
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := auth.ClearFailures(ctx, tx, tenantID, ct.Email); err != nil {
			return err
		}
		on, err := twofactor.Enabled(ctx, tx, tenantID, ct.ID)
		if err != nil {
			return err
		}
		if on { // logged as a login, and as accepted, once the second step succeeds
			tok, m, err := lookupInvitation(ctx, tx, tenantID, raw, ct, now)
			if err != nil {
				return err
			}
			challenge, err = twofactor.NewInvitationChallenge(ctx, tx, tenantID, ct.ID, m.CompanyID, tok.ID, now)
			return err
		}
		m, err := takeInvitation(ctx, tx, tenantID, raw, ct, now)
		if err != nil {
			return err
		}
		if err := activateInvited(ctx, tx, ct, m, c.IP, now); err != nil {
			return err
		}
		if sess, err = session.New(ctx, tx, tenantID, 0, ct.ID, m.CompanyID, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, tenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.LoginOK, "", c.IP, now)
	})
	if err == nil && challenge != "" {
		return "", &SecondFactorNeeded{Challenge: challenge}
	}
	return sess, err
}

// activateInvited makes the invited membership m of ct active, with its audit entry.
func activateInvited(ctx context.Context, tx db.Querier, ct contact.Contact, m contact.Membership, ip string, now time.Time) error {
	if err := contact.SetAccess(ctx, tx, ct.TenantID, m.ID, "", contact.AccessActive, now); err != nil {
		return err
	}
	return audit.LogFor(ctx, tx, ct.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.InvitationAccepted,
		m.CompanyName, ip, now)
}

// acceptAtSecondStep accepts the invitation a challenge carries, in the transaction
// that finishes its sign-in: the token must still be unused and unexpired, and its
// membership still invited, of this contact and of the challenge's company (staff may
// have revoked or re-sent it while the code was typed: then ErrChallengeGone).
func acceptAtSecondStep(ctx context.Context, tx db.Querier, ct contact.Contact, ch twofactor.Challenge, ip string, now time.Time) error {
	var membershipID *int64
	err := db.One(tx.QueryRow(ctx, `SELECT membership_id FROM tokens WHERE id = ? AND tenant_id = ? AND purpose = ?
		AND used_at IS NULL AND expires_at > ?`, ch.InvitationTokenID, ct.TenantID, auth.PurposeInvitation, now.Unix()).
		Scan(&membershipID))
	if errors.Is(err, db.ErrNotFound) || (err == nil && membershipID == nil) {
		return ErrChallengeGone
	}
	if err != nil {
		return err
	}
	if err := auth.ConsumeToken(ctx, tx, ch.InvitationTokenID, now); err != nil {
		return errors.Join(err, ErrChallengeGone)
	}
	m, err := contact.GetMembership(ctx, tx, ct.TenantID, *membershipID)
	if err != nil || m.Access != contact.AccessInvited || m.ContactID != ct.ID || m.CompanyID != ch.CompanyID {
		return errors.Join(err, ErrChallengeGone)
	}
	return activateInvited(ctx, tx, ct, m, ip, now)
}
