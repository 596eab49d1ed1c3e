package access

import (
	"context"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

// ChangeStaffPassword is ChangeContactPassword for a staff member: the current password
// is checked (throttled like a login), the new one follows the same rules, every other
// session of the member ends, and a notice is mailed.
func (s *Service) ChangeStaffPassword(ctx context.Context, t tenant.Tenant, p principal.Staff, current, pw, confirm, ip, origin string) error {
	m, err := staff.Get(ctx, s.DB, p.TenantID, p.StaffID)
	if err != nil {
		return err
	}
	if err := s.checkPasswordChange(ctx, p.TenantID, m.Email, m.PasswordHash, current, pw, confirm, ip, func() {
		audit.Log(ctx, s.DB, p.TenantID, StaffActor(m.ID, m.Email), audit.PasswordChangeFailed, "", ip, s.Now())
	}); err != nil {
		return err
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
		if err := endStaffSignIns(ctx, tx, p.TenantID, p.StaffID, p.SessionID, m.Email, now); err != nil {
			return err
		}
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_password_changed", origin+"/admin/login", nil); err != nil {
			return err
		}
		return audit.Log(ctx, tx, p.TenantID, StaffActor(m.ID, m.Email), audit.PasswordChanged, "", ip, now)
	})
}
