package access

import (
	"context"
	"errors"
	"strconv"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// ResetInput is what the form of a reset link sends: the new password twice and, when
// the account has TOTP on, a code from the authenticator app or a recovery code.
type ResetInput struct {
	Password, Confirm, Code string
}

// The code of a reset is asked on the reset form itself, before anything changes: a
// reset link proves only the mailbox, so whoever reads the mail but lacks the
// authenticator must neither set a password nor end the owner's sessions. (Asking the
// code after the password was set, as a second sign-in step, would lock the owner out of
// their own password without letting the intruder in.)

// errResetCodeMissing: TOTP is on (it may have been switched on while the form was
// open) but no code came with the new password.
var errResetCodeMissing = errors.New("access: reset needs the code")

// resetCodeMissing is the code field's message when no code came.
const resetCodeMissing = "reset.code_required"

// resetCode sorts the code of a reset form into a TOTP code or a recovery code, like the
// sign-in's second step; a problem with it is put on e under "code".
func resetCode(input string, e validate.Errors) (kind, code string) {
	kind, code, msg := loginCode(input)
	switch msg {
	case "":
		return kind, code
	case "error.required":
		msg = resetCodeMissing
	}
	e.Add("code", msg, nil)
	return "", ""
}

// resetCodeRefusal turns what the code check of a reset rolled back with into the
// message under the code field, and audits a wrong code as a failed code at sign-in is.
func resetCodeRefusal(err error, kind string, logFailed func()) error {
	switch {
	case errors.Is(err, errResetCodeMissing):
		return validate.Errors{"code": {ID: resetCodeMissing}}
	case errors.Is(err, errWrongCode) || errors.Is(err, errCodeUsed):
		logFailed()
		return validate.Errors{"code": {ID: wrongCodeMessage(kind, err)}}
	}
	return otherKeyRefusal(err)
}

// resetFactor checks, in the reset's transaction and before the password changes, the
// code that came with it when ct has TOTP on (checked reports that); a right one uses up
// its TOTP step or recovery code, clears the count of wrong codes and, for a recovery
// code, mails the notice the sign-in mails. A wrong code rolls everything back, so the
// link stays usable.
func (s *Service) resetFactor(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, kind, code, origin string, c Client, now time.Time) (checked bool, err error) {
	return checkResetFactor(ctx, tx, t.ID, kind, resetFactorOf{
		enabled: func() (bool, error) { return twofactor.Enabled(ctx, tx, t.ID, ct.ID) },
		fits:    func() (bool, error) { return s.checkCode(ctx, tx, t.ID, ct.ID, kind, code) },
		key:     secondKey(ct.Email),
		recovered: func() error {
			if err := s.recoveryNotice(ctx, tx, t, ct, origin, now); err != nil {
				return err
			}
			return audit.LogFor(ctx, tx, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), audit.RecoveryCodeUsed, "", c.IP, now)
		},
	})
}

// staffResetFactor is resetFactor for a staff member's reset.
func (s *Service) staffResetFactor(ctx context.Context, tx *db.Tx, t tenant.Tenant, m staff.Member, kind, code, origin string, c Client, now time.Time) (checked bool, err error) {
	return checkResetFactor(ctx, tx, t.ID, kind, resetFactorOf{
		enabled:   func() (bool, error) { return twofactor.Staff.Enabled(ctx, tx, t.ID, m.ID) },
		fits:      func() (bool, error) { return s.checkStaffCode(ctx, tx, t.ID, m.ID, kind, code, now) },
		key:       staffSecondKey(m.Email),
		recovered: func() error { return s.staffRecoveryUsed(ctx, tx, t, m, origin, c, now) },
	})
}

// resetFactorOf is what the code check of a contact's and a staff member's reset differ
// in: whose second factor is asked, and what a used recovery code leaves behind.
type resetFactorOf struct {
	enabled   func() (bool, error) // TOTP is on
	fits      func() (bool, error) // the code fits; it is used up then
	key       string               // where wrong codes are counted (the sign-in's throttle)
	recovered func() error         // a recovery code was used: notice and audit
}

// checkResetFactor is the course resetFactor and staffResetFactor share, so the two
// kinds of account cannot drift apart in what a reset link asks.
func checkResetFactor(ctx context.Context, tx *db.Tx, tenantID int64, kind string, f resetFactorOf) (bool, error) {
	on, err := f.enabled()
	if err != nil || !on {
		return false, err
	}
	if kind == "" {
		return false, errResetCodeMissing
	}
	ok, err := f.fits()
	if err != nil {
		return false, err
	}
	if !ok {
		return false, errWrongCode
	}
	if err := auth.ClearFailures(ctx, tx, tenantID, f.key); err != nil {
		return false, err
	}
	if kind == "recovery" {
		return true, f.recovered()
	}
	return true, nil
}

// checkStaffCode uses up a staff member's TOTP step or recovery code if the code fits.
func (s *Service) checkStaffCode(ctx context.Context, tx *db.Tx, tenantID, staffID int64, kind, code string, now time.Time) (bool, error) {
	if err := s.checkOwnKey(ctx, tx, twofactor.Staff, tenantID, staffID); err != nil {
		return false, err
	}
	if kind == "recovery" {
		return twofactor.Staff.UseRecoveryCode(ctx, tx, tenantID, staffID, s.Keys.HashFor(twofactor.Staff, staffID, code), now)
	}
	return s.useTOTP(ctx, tx, twofactor.Staff, tenantID, staffID, code)
}

// staffRecoveryUsed mails a staff member the notice that one of their recovery codes
// was used (with how many are left) and audits it.
func (s *Service) staffRecoveryUsed(ctx context.Context, tx *db.Tx, t tenant.Tenant, m staff.Member, origin string, c Client, now time.Time) error {
	left, err := twofactor.Staff.RecoveryLeft(ctx, tx, t.ID, m.ID)
	if err != nil {
		return err
	}
	if err := s.staffLetter(ctx, tx, t, m, "mail.staff_recovery_used", origin+"/admin/account",
		map[string]any{"Left": strconv.Itoa(left)}); err != nil {
		return err
	}
	return audit.Log(ctx, tx, t.ID, StaffActor(m.ID, m.Email), audit.RecoveryCodeUsed, "", c.IP, now)
}
