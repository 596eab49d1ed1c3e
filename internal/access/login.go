package access

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
)

// Client is where a login comes from.
type Client struct {
	IP        string
	UserAgent string
}

// checkThrottle counts the attempt as a failure until it succeeds (success clears the
// account's failures) and refuses it when this client failed too often for the account
// or in all, or the account too often from all clients together (auth.PasswordThrottled:
// a stranger typing wrong passwords for an address locks out only themselves).
func (s *Service) checkThrottle(ctx context.Context, tenantID int64, email string, c Client) error {
	return s.countAttempt(ctx, tenantID, email, c, s.Now())
}

// countAttempt is checkThrottle at a given time, so a caller can take the failure back
// with auth.ForgetFailure once the password proves right.
func (s *Service) countAttempt(ctx context.Context, tenantID int64, email string, c Client, now time.Time) error {
	if err := auth.RecordFailure(ctx, s.DB, tenantID, email, c.IP, now); err != nil {
		return err
	}
	limited, err := auth.PasswordThrottled(ctx, s.DB, tenantID, email, c.IP, now)
	if err != nil {
		return err
	}
	if limited {
		s.logThrottled(ctx, tenantID, email, c.IP, now)
		return ErrThrottled
	}
	return nil
}

// logThrottled audits a refused attempt. The entry is tied to the contact whose address
// it is, so the contact sees on their account page that someone kept trying (or why
// they themselves cannot sign in); the throttle counts per email address, so a staff
// login with that address from the same client blocks the contact's sign-in there too.
func (s *Service) logThrottled(ctx context.Context, tenantID int64, email, ip string, now time.Time) {
	var contactID int64
	if ct, err := contact.ByEmail(ctx, s.DB, tenantID, email); err == nil {
		contactID = ct.ID
	}
	audit.LogFor(ctx, s.DB, tenantID, contactID, audit.Typed(email), audit.LoginThrottled, "", ip, now)
}

// failed logs a failed login (checkThrottle already counted it) and returns the one
// error both unknown email and wrong password give. A failure on a known contact's
// account is also shown to that contact.
func (s *Service) failed(ctx context.Context, tenantID, contactID int64, email string, c Client) error {
	audit.LogFor(ctx, s.DB, tenantID, contactID, audit.Typed(strings.ToLower(email)), audit.LoginFailed, "", c.IP, s.Now())
	return ErrInvalidLogin
}

// ContactLogin checks a contact's email and password and opens a session in the
// company the contact used last (or the first one with active access).
func (s *Service) ContactLogin(ctx context.Context, tenantID int64, email, pw string, c Client) (string, contact.Contact, error) {
	if err := s.checkThrottle(ctx, tenantID, email, c); err != nil {
		return "", contact.Contact{}, err
	}
	ct, err := contact.ByEmail(ctx, s.DB, tenantID, email)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return "", ct, err
	}
	if auth.CheckPasswordOrDummy(ct.PasswordHash, pw) != nil {
		return "", ct, s.failed(ctx, tenantID, ct.ID, email, c)
	}
	companyID, err := s.startCompany(ctx, ct)
	if err != nil {
		return "", ct, err
	}
	if companyID == 0 { // right password, but no company lets them in any more
		return "", ct, s.failed(ctx, tenantID, ct.ID, email, c)
	}
	var raw, challenge string
	now := s.Now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Erased or given another address since the password check: no session, and
		// the old address stays out of the audit log.
		if err := requireSameContact(ctx, tx, tenantID, ct.ID, ct.Email); err != nil {
			return err
		}
		// With two-factor authentication on, the right password only opens the second step.
		if raw, challenge, err = s.openSession(ctx, tx, tenantID, ct, companyID, c, now); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, tenantID, email); err != nil {
			return err
		}
		if challenge != "" {
			return nil // logged as a login once the second step succeeds
		}
		return audit.LogFor(ctx, tx, tenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.LoginOK, "", c.IP, now)
	})
	if errors.Is(err, errSignInGone) { // as for an address nobody has
		return "", contact.Contact{}, s.failed(ctx, tenantID, 0, email, c)
	}
	if err == nil && challenge != "" {
		return "", ct, &SecondFactorNeeded{Challenge: challenge}
	}
	return raw, ct, err
}

// startCompany picks the company a new session starts in: the last one chosen if access
// is still active, else the first active one, else 0. Archived companies do not count.
func (s *Service) startCompany(ctx context.Context, ct contact.Contact) (int64, error) {
	ms, err := contact.MembershipsOfContact(ctx, s.DB, ct.TenantID, ct.ID)
	if err != nil {
		return 0, fmt.Errorf("access: memberships: %w", err)
	}
	var first int64
	for _, m := range ms {
		if !m.Usable() {
			continue
		}
		if m.CompanyID == ct.LastCompanyID {
			return m.CompanyID, nil
		}
		if first == 0 {
			first = m.CompanyID
		}
	}
	return first, nil
}

// StaffLogin checks a staff member's email and password and opens a session.
func (s *Service) StaffLogin(ctx context.Context, tenantID int64, email, pw string, c Client) (string, staff.Member, error) {
	if err := s.checkThrottle(ctx, tenantID, email, c); err != nil {
		return "", staff.Member{}, err
	}
	m, err := staff.ByEmail(ctx, s.DB, tenantID, email)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return "", m, err
	}
	if auth.CheckPasswordOrDummy(m.PasswordHash, pw) != nil || !m.Active {
		return "", m, s.failed(ctx, tenantID, 0, email, c)
	}
	var raw, challenge string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// With two-factor authentication on, the right password only opens the second step.
		if raw, challenge, err = s.openStaffSession(ctx, tx, m, c); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, tenantID, email); err != nil {
			return err
		}
		if challenge != "" {
			return nil // logged as a login once the second step succeeds
		}
		return audit.Log(ctx, tx, tenantID, StaffActor(m.ID, m.Email), audit.LoginOK, "", c.IP, s.Now())
	})
	if err == nil && challenge != "" {
		return "", m, &SecondFactorNeeded{Challenge: challenge}
	}
	return raw, m, err
}
