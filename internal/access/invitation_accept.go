package access

import (
	"context"
	"errors"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/validate"
)

// acceptWithPassword accepts the invitation raw for a contact who already has a
// password: they confirm it (throttled like a login, the link alone is not enough), and
// the invitation's membership becomes active; their password and other sessions stay.
// They are logged in to the company they just joined.
func (s *Service) acceptWithPassword(ctx context.Context, ct contact.Contact, raw, pw string, c Client) (string, error) {
	tenantID := ct.TenantID
	if err := s.checkThrottle(ctx, tenantID, ct.Email, c); errors.Is(err, ErrThrottled) {
		return "", validate.Errors{"password": {ID: "login.throttled"}}
	} else if err != nil {
		return "", err
	}
	if auth.CheckPassword(ct.PasswordHash, pw) != nil {
		s.failed(ctx, tenantID, ct.ID, ct.Email, c)
		return "", validate.Errors{"password": {ID: "error.password_wrong"}}
	}
	now := s.Now()
	var sess, challenge string
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := takeInvitation(ctx, tx, tenantID, raw, ct, now)
		if err != nil {
			return err
		}
		if err := contact.SetAccess(ctx, tx, tenantID, m.ID, "", contact.AccessActive, now); err != nil {
			return err
		}
		if err := audit.LogFor(ctx, tx, tenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.InvitationAccepted,
			m.CompanyName, c.IP, now); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, tenantID, ct.Email); err != nil {
			return err
		}
		if sess, challenge, err = s.openSession(ctx, tx, tenantID, ct, m.CompanyID, c, now); err != nil {
			return err
		}
		if challenge != "" {
			return nil // logged as a login once the second step succeeds
		}
		return audit.LogFor(ctx, tx, tenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.LoginOK, "", c.IP, now)
	})
	if err == nil && challenge != "" {
		return "", &SecondFactorNeeded{Challenge: challenge}
	}
	return sess, err
}
