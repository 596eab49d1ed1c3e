package access

import (
	"context"
	"errors"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// staffSecondKey is the throttle key of a staff member's second-factor failures: apart
// from the login's key (a right password clears that one) and from a contact's with
// the same address.
func staffSecondKey(email string) string { return "staff-2fa:" + strings.ToLower(email) }

// staffSecondThrottle counts an attempt at a staff member's second factor and refuses
// it when the account or the address failed too often (the error names field).
func (s *Service) staffSecondThrottle(ctx context.Context, m staff.Member, ip, field string) error {
	now := s.Now()
	if err := auth.RecordFailure(ctx, s.DB, m.TenantID, staffSecondKey(m.Email), ip, now); err != nil {
		return err
	}
	limited, err := auth.Throttled(ctx, s.DB, m.TenantID, staffSecondKey(m.Email), ip, now)
	if err != nil {
		return err
	}
	if limited {
		audit.Log(ctx, s.DB, m.TenantID, StaffActor(m.ID, m.Email), audit.TwoFactorFailed, "throttled", ip, now)
		return validate.Errors{field: {ID: "login.throttled"}}
	}
	return nil
}

// openStaffSession starts a staff member's session, or, with TOTP on, a challenge for
// the second step (the caller returns it as *SecondFactorNeeded after committing).
func (s *Service) openStaffSession(ctx context.Context, tx *db.Tx, m staff.Member, c Client) (sess, challenge string, err error) {
	on, err := twofactor.Staff.Enabled(ctx, tx, m.TenantID, m.ID)
	if err != nil {
		return "", "", err
	}
	if on {
		challenge, err = twofactor.NewStaffChallenge(ctx, tx, m.TenantID, m.ID, s.Now())
		return "", challenge, err
	}
	sess, err = session.New(ctx, tx, m.TenantID, m.ID, 0, 0, c.IP, c.UserAgent, s.Now())
	return sess, "", err
}

// CheckStaffChallenge tells whether a staff login's second step is still open.
func (s *Service) CheckStaffChallenge(ctx context.Context, tenantID int64, raw string) error {
	_, err := twofactor.LookupStaffChallenge(ctx, s.DB, tenantID, raw, s.Now())
	if errors.Is(err, db.ErrNotFound) {
		return ErrChallengeGone
	}
	return err
}

// StaffSecondFactor finishes a back-office login with a TOTP code or a recovery code
// (each works once; a used recovery code mails a notice) and returns the new session.
func (s *Service) StaffSecondFactor(ctx context.Context, t tenant.Tenant, raw, input, origin string, c Client) (string, staff.Member, error) {
	ch, err := twofactor.LookupStaffChallenge(ctx, s.DB, t.ID, raw, s.Now())
	if errors.Is(err, db.ErrNotFound) {
		return "", staff.Member{}, ErrChallengeGone
	}
	if err != nil {
		return "", staff.Member{}, err
	}
	kind, code, msg := loginCode(input)
	if msg != "" {
		return "", staff.Member{}, validate.Errors{"code": {ID: msg}}
	}
	m, err := staff.Get(ctx, s.DB, t.ID, ch.StaffID)
	if err != nil {
		return "", m, err
	}
	if err := s.staffSecondThrottle(ctx, m, c.IP, "code"); err != nil {
		return "", m, err
	}
	now := s.Now()
	var sess string
	actor := StaffActor(m.ID, m.Email)
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		ok, err := s.checkStaffCode(ctx, tx, t.ID, m.ID, kind, code, now)
		if err != nil {
			return err
		}
		if !ok {
			return errWrongCode
		}
		if live, err := twofactor.EndStaffChallenge(ctx, tx, ch.ID); err != nil || !live {
			return errors.Join(err, ErrChallengeGone)
		}
		// The member may have been deactivated while the code was typed.
		if cur, err := staff.Get(ctx, tx, t.ID, m.ID); err != nil || !cur.Active {
			return errors.Join(err, ErrChallengeGone)
		}
		if sess, err = session.New(ctx, tx, t.ID, m.ID, 0, 0, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, t.ID, staffSecondKey(m.Email)); err != nil {
			return err
		}
		if kind == "recovery" {
			if err := s.staffRecoveryUsed(ctx, tx, t, m, origin, c, now); err != nil {
				return err
			}
		}
		return audit.Log(ctx, tx, t.ID, actor, audit.LoginOK, kind, c.IP, now)
	})
	if errors.Is(err, errWrongCode) || errors.Is(err, errCodeUsed) {
		audit.Log(ctx, s.DB, t.ID, actor, audit.TwoFactorFailed, kind, c.IP, now)
		return "", m, validate.Errors{"code": {ID: wrongCodeMessage(kind, err)}}
	}
	return sess, m, otherKeyRefusal(err)
}
