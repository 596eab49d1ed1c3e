package access

import (
	"context"
	"errors"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// ChangeStaffPassword is ChangeContactPassword for a staff member: the current password
// is checked (throttled like a login), the new one follows the same rules, every other
// session of the member ends, and a notice is mailed.
func (s *Service) ChangeStaffPassword(ctx context.Context, t tenant.Tenant, p principal.Staff, current, pw, confirm, ip, origin string) error {
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return err
	}
	e := CheckNewPassword("password", pw, confirm)
	if current == "" { // nothing to check: say so instead of "wrong password"
		e.Add("current", "error.required", nil)
		return e
	}
	if err := s.checkThrottle(ctx, p.TenantID, m.Email, Client{IP: ip}); errors.Is(err, ErrThrottled) {
		return validate.Errors{"current": {ID: "login.throttled"}}
	} else if err != nil {
		return err
	}
	if auth.CheckPassword(m.PasswordHash, current) != nil {
		audit.Log(ctx, s.DB, p.TenantID, StaffActor(m.ID, m.Email), audit.PasswordChangeFailed, "", ip, s.Now())
		e = validate.Errors{"current": {ID: "error.password_wrong"}}
	}
	if !e.Any() && pw == current {
		e.Add("password", "error.password_same", nil)
	}
	if e.Any() {
		return e
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := staff.SetPassword(ctx, tx, p.TenantID, p.StaffID, hash); err != nil {
			return err
		}
		if err := session.EndForStaff(ctx, tx, p.TenantID, p.StaffID, p.SessionID); err != nil {
			return err
		}
		if err := twofactor.EndStaffChallenges(ctx, tx, p.TenantID, p.StaffID); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, p.TenantID, m.Email); err != nil {
			return err
		}
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_password_changed", origin+"/admin/login", nil); err != nil {
			return err
		}
		return audit.Log(ctx, tx, p.TenantID, StaffActor(m.ID, m.Email), audit.PasswordChanged, "", ip, now)
	})
}
