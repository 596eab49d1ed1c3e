package access

import (
	"context"
	"errors"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

func sessionNew(ctx context.Context, q db.Querier, tenantID, staffID int64, c Client, now time.Time) (string, error) {
	return session.New(ctx, q, tenantID, staffID, 0, 0, c.IP, c.UserAgent, now)
}

// ChangeContactPassword checks the current password, stores the new one, ends every
// other session of the contact (a stolen session dies with the old password), every
// sign-in waiting for its second factor (begun with the old password) and every reset
// link still open (one in a mailbox someone else reads would undo the change), and
// mails the contact a notice, so a change they did not make does not go unnoticed.
func (s *Service) ChangeContactPassword(ctx context.Context, t tenant.Tenant, p principal.Contact, current, pw, confirm, ip, origin string) error {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	if err := s.checkPasswordChange(ctx, p.TenantID, ct.Email, ct.PasswordHash, current, pw, confirm, ip, func() {
		audit.LogFor(ctx, s.DB, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordChangeFailed, "", ip, s.Now())
	}); err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := contact.SetPassword(ctx, tx, p.TenantID, p.ContactID, hash, now); err != nil {
			return err
		}
		if err := session.EndForContact(ctx, tx, p.TenantID, p.ContactID, p.SessionID); err != nil {
			return err
		}
		if err := twofactor.EndChallenges(ctx, tx, p.TenantID, p.ContactID); err != nil {
			return err
		}
		if err := auth.CancelTokens(ctx, tx, p.TenantID, p.ContactID, 0, auth.PurposeReset, now); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, p.TenantID, ct.Email); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, t, ct, "mail.password_changed", origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordChanged, "", ip, now)
	})
}

// checkPasswordChange checks a password change form of the account email with the
// password hash: the current password (guessing it from a stolen session is throttled
// like a login, and a wrong one is reported to failed for the audit log), the new one's
// rules, and that it differs from the current one. Contacts and staff share it. Only a
// wrong current password counts as a failure: the attempt is counted first (parallel
// guesses cannot slip in under the limit) and taken back once the current password is
// right, so someone struggling with the rules for the new one does not lock themselves
// out of signing in.
func (s *Service) checkPasswordChange(ctx context.Context, tenantID int64, email, hash, current, pw, confirm, ip string, failed func()) error {
	e := CheckNewPassword("password", pw, confirm, email)
	if current == "" { // nothing to check: say so instead of "wrong password"
		e.Add("current", "error.required", nil)
		return e
	}
	now := s.Now()
	if err := s.countAttempt(ctx, tenantID, email, Client{IP: ip}, now); errors.Is(err, ErrThrottled) {
		return validate.Errors{"current": {ID: "login.throttled"}}
	} else if err != nil {
		return err
	}
	if auth.CheckPassword(hash, current) != nil {
		failed()
		return validate.Errors{"current": {ID: "error.password_wrong"}}
	}
	if err := auth.ForgetFailure(ctx, s.DB, tenantID, email, ip, now); err != nil {
		return err
	}
	if !e.Any() && pw == current {
		e.Add("password", "error.password_same", nil)
	}
	if e.Any() {
		return e
	}
	return nil
}

// SwitchCompany makes companyID the active company of the contact's session and
// remembers it for the next login. The caller has checked the membership is active.
func (s *Service) SwitchCompany(ctx context.Context, p principal.Contact, companyID int64) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if _, err := contact.ActiveMembership(ctx, tx, p.TenantID, p.ContactID, companyID); err != nil {
			return err
		}
		if err := session.SetCompany(ctx, tx, p.SessionID, companyID); err != nil {
			return err
		}
		return contact.SetLastCompany(ctx, tx, p.TenantID, p.ContactID, companyID)
	})
}
