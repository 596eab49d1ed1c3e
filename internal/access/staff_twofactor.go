package access

import (
	"context"
	"errors"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// The staff's two-factor rules are the contacts' (twofactor.go) applied to the staff
// tables (twofactor.Staff); the differences are the audit actor, the mail and that the
// tenant (tenant.FeatureStaffTwoFactor), not a company, can require it.

// StaffTwoFactorOn reports whether a staff member has TOTP switched on.
func (s *Service) StaffTwoFactorOn(ctx context.Context, tenantID, staffID int64) (bool, error) {
	return twofactor.Staff.Enabled(ctx, s.DB, tenantID, staffID)
}

// StartStaffTOTP makes a new secret for the member, pending until a code confirms it.
func (s *Service) StartStaffTOTP(ctx context.Context, t tenant.Tenant, p principal.Staff) error {
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return err
	}
	if on, err := twofactor.Staff.Enabled(ctx, s.DB, p.TenantID, p.StaffID); err != nil || on {
		return errors.Join(err, ErrTOTPOn)
	}
	key, err := twofactor.NewSecret(t.Name, m.Email)
	if err != nil {
		return err
	}
	return twofactor.Staff.SetPending(ctx, s.DB, p.TenantID, p.StaffID, s.Keys.Seal(key.Secret()), s.Now())
}

// PendingStaffTOTP returns the secret awaiting confirmation; db.ErrNotFound when there
// is none, ErrTOTPOn when TOTP is on already.
func (s *Service) PendingStaffTOTP(ctx context.Context, t tenant.Tenant, p principal.Staff) (TOTPSetup, error) {
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return TOTPSetup{}, err
	}
	return s.pendingSetup(ctx, t, twofactor.Staff, p.TenantID, p.StaffID, m.Email)
}

// ConfirmStaffTOTP switches the pending secret on when code fits it and returns the new
// recovery codes (shown once, stored only as keyed hashes).
func (s *Service) ConfirmStaffTOTP(ctx context.Context, t tenant.Tenant, p principal.Staff, code, ip, origin string) ([]string, error) {
	step, err := s.pendingStep(ctx, twofactor.Staff, p.TenantID, p.StaffID, code)
	if err != nil {
		return nil, err
	}
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return nil, err
	}
	codes := twofactor.NewRecoveryCodes()
	now := s.Now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := twofactor.Staff.Enable(ctx, tx, p.TenantID, p.StaffID, step, now); err != nil {
			return err
		}
		if err := twofactor.Staff.ReplaceRecoveryCodes(ctx, tx, p.TenantID, p.StaffID,
			s.Keys.RecoveryHashes(twofactor.Staff, p.StaffID, codes), now); err != nil {
			return err
		}
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_twofactor_enabled", origin+"/admin/account", nil); err != nil {
			return err
		}
		return audit.Log(ctx, tx, p.TenantID, StaffActor(m.ID, m.Email), audit.TwoFactorEnabled, "totp", ip, now)
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// RenewStaffRecoveryCodes replaces the member's recovery codes; proof is a current code
// from the app or the password, so a session left open does not suffice.
func (s *Service) RenewStaffRecoveryCodes(ctx context.Context, p principal.Staff, proof, ip string) ([]string, error) {
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return nil, err
	}
	proof = strings.TrimSpace(proof)
	if proof == "" {
		return nil, validate.Errors{"proof": {ID: "error.required"}}
	}
	if len(proof) > 200 {
		return nil, validate.Errors{"proof": {ID: "error.too_long", Data: map[string]any{"Max": 200}}}
	}
	if err := s.staffSecondThrottle(ctx, m, ip, "proof"); err != nil {
		return nil, err
	}
	refusal, err := s.proofRefusal(ctx, twofactor.Staff, p.TenantID, p.StaffID, m.PasswordHash, proof)
	if err != nil {
		return nil, err
	}
	if refusal != "" {
		audit.Log(ctx, s.DB, p.TenantID, StaffActor(m.ID, m.Email), audit.TwoFactorFailed, "proof", ip, s.Now())
		return nil, validate.Errors{"proof": {ID: refusal}}
	}
	codes := twofactor.NewRecoveryCodes()
	now := s.Now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := auth.ClearFailures(ctx, tx, p.TenantID, staffSecondKey(m.Email)); err != nil {
			return err
		}
		if err := twofactor.Staff.ReplaceRecoveryCodes(ctx, tx, p.TenantID, p.StaffID,
			s.Keys.RecoveryHashes(twofactor.Staff, p.StaffID, codes), now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, p.TenantID, StaffActor(m.ID, m.Email), audit.RecoveryCodesRenewed, "", ip, now)
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// DisableStaffTOTP switches the member's TOTP off after checking the password; not
// while the tenant requires two-factor sign-in of its staff.
func (s *Service) DisableStaffTOTP(ctx context.Context, t tenant.Tenant, p principal.Staff, password, ip, origin string) error {
	if t.Has(tenant.FeatureStaffTwoFactor) {
		return validate.Errors{"password": {ID: "staff_policy.disable_blocked"}}
	}
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return err
	}
	if password == "" {
		return validate.Errors{"password": {ID: "error.required"}}
	}
	if err := s.staffSecondThrottle(ctx, m, ip, "password"); err != nil {
		return err
	}
	if auth.CheckPassword(m.PasswordHash, password) != nil {
		audit.Log(ctx, s.DB, p.TenantID, StaffActor(m.ID, m.Email), audit.PasswordChangeFailed, "twofactor_disable", ip, s.Now())
		return validate.Errors{"password": {ID: "error.password_wrong"}}
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := twofactor.Staff.Remove(ctx, tx, p.TenantID, p.StaffID); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, p.TenantID, staffSecondKey(m.Email)); err != nil {
			return err
		}
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_twofactor_disabled", origin+"/admin/account", nil); err != nil {
			return err
		}
		return audit.Log(ctx, tx, p.TenantID, StaffActor(m.ID, m.Email), audit.TwoFactorDisabled, "totp", ip, now)
	})
}
