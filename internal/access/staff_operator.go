package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
)

// The way back in for a staff member locked out of the back office (pforte
// staff-login): the server's operator, who can run the binary against the database,
// gets the same set-password link "forgot password" mails, printed instead of mailed,
// so it works without a mail server and when the only administrator is the one locked
// out. The same link keeps one token kind and one form to get right.

// Errors of OperatorStaffLogin the command line words for the operator.
var (
	ErrStaffUnknown  = errors.New("access: no staff member with this address")
	ErrStaffInactive = errors.New("access: the staff member is deactivated")
)

// OperatorLogin is what the operator asked for.
type OperatorLogin struct {
	Email string
	// ResetTwoFactor removes the member's second factor, for one who lost the
	// authenticator and the recovery codes; they set it up again after signing in
	// (at once when the tenant requires it of staff: the back office leads there).
	ResetTwoFactor bool
	// Reactivate lets a deactivated member in again; without it one is refused, so a
	// link is never printed for an account an admin switched off on purpose.
	Reactivate bool
	Actor      string // audit.Operator(…)
	Origin     string // the portal's address the link starts with
}

// OperatorLoginResult is the printed link and what was done.
type OperatorLoginResult struct {
	Link        string
	Member      staff.Member
	Expires     time.Time
	TOTPRemoved bool // a second factor was switched on and is gone
	TOTPOn      bool // the second factor stays on (no ResetTwoFactor): the link's form asks for it
	Reactivated bool
}

// OperatorStaffLogin issues a set-password link for the staff member with req.Email,
// ends their sessions and open sign-in steps, lifts the sign-in throttle of their
// address and, with req.ResetTwoFactor, removes their second factor; all in one
// transaction with its audit entries. Earlier reset links stop working.
func (s *Service) OperatorStaffLogin(ctx context.Context, t tenant.Tenant, req OperatorLogin) (OperatorLoginResult, error) {
	var res OperatorLoginResult
	now := s.Now()
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Serialised with the back office's staff changes (UpdateStaff), so a member
		// being deactivated at this moment does not get a link.
		if err := tenant.Lock(ctx, tx, t.ID); err != nil {
			return err
		}
		m, err := staff.ByEmail(ctx, tx, t.ID, req.Email)
		if errors.Is(err, db.ErrNotFound) {
			return ErrStaffUnknown
		}
		if err != nil {
			return err
		}
		if !m.Active {
			if !req.Reactivate {
				return ErrStaffInactive
			}
			m.Active, res.Reactivated = true, true
			if err := staff.Update(ctx, tx, m); err != nil {
				return fmt.Errorf("access: reactivate staff: %w", err)
			}
			if err := audit.Log(ctx, tx, t.ID, req.Actor, audit.StaffChanged, fmt.Sprintf("%s (%s)", m.Email, m.Role), "", now); err != nil {
				return err
			}
		}
		if req.ResetTwoFactor {
			res.TOTPRemoved, err = s.removeStaffSecondFactor(ctx, tx, t, m, req)
		} else {
			res.TOTPOn, err = twofactor.Staff.Enabled(ctx, tx, t.ID, m.ID)
		}
		if err != nil {
			return err
		}
		// A sign-in waiting for its code is half a session: whoever typed the password
		// there does not finish it after the operator stepped in.
		if err := endStaffSignIns(ctx, tx, t.ID, m.ID, 0, m.Email, now); err != nil {
			return err
		}
		raw, err := issueStaffReset(ctx, tx, t.ID, m.ID, now)
		if err != nil {
			return err
		}
		res.Link, res.Member, res.Expires = req.Origin+"/admin/password/reset/"+raw, m, now.Add(ResetTTL)
		return audit.Log(ctx, tx, t.ID, req.Actor, audit.StaffLoginLinkIssued, m.Email, "", now)
	})
	return res, err
}

// removeStaffSecondFactor deletes m's TOTP secret (switched on or pending) and
// recovery codes and forgets failed codes; the member is told by mail when it was on,
// as when they switch it off themselves. It reports whether it was on. Staff have no passkeys (those are the
// portal's).
func (s *Service) removeStaffSecondFactor(ctx context.Context, tx *db.Tx, t tenant.Tenant, m staff.Member, req OperatorLogin) (bool, error) {
	totp, err := twofactor.Staff.Get(ctx, tx, t.ID, m.ID)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return false, err
	}
	on := err == nil && totp.Enabled // a setup never confirmed goes too, without a mail
	if err := twofactor.Staff.Remove(ctx, tx, t.ID, m.ID); err != nil {
		return false, err
	}
	if err := auth.ClearFailures(ctx, tx, t.ID, staffSecondKey(m.Email)); err != nil {
		return false, err
	}
	if on {
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_twofactor_disabled", req.Origin+"/admin/account", nil); err != nil {
			return false, err
		}
	}
	return on, audit.Log(ctx, tx, t.ID, req.Actor, audit.StaffTwoFactorReset, m.Email, "", s.Now())
}

// issueStaffReset makes a fresh staff reset link for member staffID; earlier unused
// ones stop working, so only the newest link (mailed or printed) sets a password.
func issueStaffReset(ctx context.Context, tx *db.Tx, tenantID, staffID int64, now time.Time) (string, error) {
	if err := cancelStaffResets(ctx, tx, tenantID, staffID, now); err != nil {
		return "", err
	}
	return auth.IssueToken(ctx, tx, auth.Token{TenantID: tenantID, Purpose: PurposeStaffReset, StaffID: staffID}, ResetTTL, now)
}
