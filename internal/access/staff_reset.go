package access

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
)

// StaffResetJobKind is the job that answers a staff "forgot password" request.
const StaffResetJobKind = "staff_password_reset"

// PurposeStaffReset is the token purpose of a staff member's reset link; a contact's
// reset link (auth.PurposeReset) never opens the back office's form and vice versa.
const PurposeStaffReset = "staff_reset"

// RequestStaffReset records a staff member's request for a reset link, answered by the
// worker (RunStaffResetJob). Like RequestReset it does the same work for every address
// and is throttled per address and client (a throttled request is dropped silently), so
// neither answer nor timing tells whether an address belongs to staff.
func (s *Service) RequestStaffReset(ctx context.Context, t tenant.Tenant, email, origin string, c Client) error {
	email = strings.ToLower(strings.TrimSpace(email))
	key := "staff-reset:" + email
	if err := auth.RecordFailure(ctx, s.DB, t.ID, key, c.IP, s.Now()); err != nil {
		return err
	}
	if limited, err := auth.Throttled(ctx, s.DB, t.ID, key, c.IP, s.Now()); err != nil || limited {
		return err
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err := db.Insert(ctx, tx, `INSERT INTO staff_reset_requests (tenant_id, email, ip, origin, created_at)
			VALUES (?, ?, ?, ?, ?)`, t.ID, email, c.IP, origin, now.Unix())
		if err != nil {
			return fmt.Errorf("access: store staff reset request: %w", err)
		}
		return jobs.Enqueue(ctx, tx, t.ID, StaffResetJobKind, id, now)
	})
}

// RunStaffResetJob answers a recorded staff reset request: an active member with this
// address and a password gets a fresh link (earlier ones stop working), anyone else
// nothing. Members who never set a password use their invitation instead.
func (s *Service) RunStaffResetJob(ctx context.Context, j jobs.Job) error {
	var email, ip, origin string
	err := db.One(s.DB.QueryRow(ctx, `SELECT email, ip, origin FROM staff_reset_requests WHERE id = ? AND tenant_id = ?`,
		j.RefID, j.TenantID).Scan(&email, &ip, &origin))
	if errors.Is(err, db.ErrNotFound) {
		return nil // answered already
	}
	if err != nil {
		return fmt.Errorf("access: staff reset request: %w", err)
	}
	t, err := tenant.Get(ctx, s.DB, j.TenantID)
	if err != nil {
		return err
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM staff_reset_requests WHERE id = ?`, j.RefID)
		if err != nil {
			return fmt.Errorf("access: staff reset request: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		m, err := staff.ByEmail(ctx, tx, t.ID, email)
		if errors.Is(err, db.ErrNotFound) || (err == nil && (!m.Active || m.PasswordHash == "")) {
			return nil
		}
		if err != nil {
			return err
		}
		raw, err := issueStaffReset(ctx, tx, t.ID, m.ID, now) // staff_operator.go
		if err != nil {
			return err
		}
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_reset", origin+"/admin/password/reset/"+raw,
			map[string]any{"Minutes": int(ResetTTL.Minutes())}); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, StaffActor(m.ID, m.Email), audit.PasswordResetRequested, "", ip, now)
	})
}

// CheckStaffReset tells whether a staff reset link can still be used, and by whom. A
// member deactivated since cannot use it.
func (s *Service) CheckStaffReset(ctx context.Context, tenantID int64, raw string) (staff.Member, error) {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, PurposeStaffReset, raw, s.Now())
	if err != nil {
		return staff.Member{}, err
	}
	m, err := staff.Get(ctx, s.DB, tenantID, tok.StaffID)
	if errors.Is(err, db.ErrNotFound) || (err == nil && !m.Active) {
		return staff.Member{}, auth.ErrTokenUnknown
	}
	return m, err
}

// CompleteStaffReset sets the new password, ends every session of the member (whoever
// had the old password is out), mails a notice and signs them in afresh. With TOTP on,
// the code (in.Code) is checked first in the same transaction, as for a contact's reset
// (CompleteReset): without the right one nothing changes and the link stays usable.
func (s *Service) CompleteStaffReset(ctx context.Context, t tenant.Tenant, raw string, in ResetInput, origin string, c Client) (string, staff.Member, error) {
	m, err := s.CheckStaffReset(ctx, t.ID, raw)
	if err != nil {
		return "", m, err
	}
	on, err := twofactor.Staff.Enabled(ctx, s.DB, t.ID, m.ID)
	if err != nil {
		return "", m, err
	}
	e := CheckNewPassword("password", in.Password, in.Confirm, m.Email)
	var kind, code string
	if on {
		kind, code = resetCode(in.Code, e)
	}
	if e.Any() {
		return "", m, e
	}
	if on {
		if err := s.staffSecondThrottle(ctx, m, c.IP, "code"); err != nil {
			return "", m, err
		}
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return "", m, err
	}
	now := s.Now()
	actor := StaffActor(m.ID, m.Email)
	var sess string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		tok, err := auth.LookupToken(ctx, tx, t.ID, PurposeStaffReset, raw, now)
		if err != nil {
			return err
		}
		// The second factor before anything changes.
		checked, err := s.staffResetFactor(ctx, tx, t, m, kind, code, origin, c, now)
		if err != nil {
			return err
		}
		if err := auth.ConsumeToken(ctx, tx, tok.ID, now); err != nil {
			return err
		}
		if err := staff.SetPassword(ctx, tx, t.ID, m.ID, hash); err != nil {
			return err
		}
		if err := endStaffSignIns(ctx, tx, t.ID, m.ID, 0, m.Email, now); err != nil {
			return err
		}
		// The code (if any) was just given: no second step.
		if sess, err = session.New(ctx, tx, t.ID, m.ID, 0, 0, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		if err := s.staffLetter(ctx, tx, t, m, "mail.staff_password_changed", origin+"/admin/login", nil); err != nil {
			return err
		}
		if err := audit.Log(ctx, tx, t.ID, actor, audit.PasswordReset, "", c.IP, now); err != nil {
			return err
		}
		if checked { // a sign-in with the second factor, as the code step logs it
			return audit.Log(ctx, tx, t.ID, actor, audit.LoginOK, kind, c.IP, now)
		}
		return nil
	})
	if err != nil {
		return "", m, resetCodeRefusal(err, kind, func() {
			audit.Log(ctx, s.DB, t.ID, actor, audit.TwoFactorFailed, kind, c.IP, now)
		})
	}
	return sess, m, nil
}

// endStaffSignIns ends what a staff member's old password opened once a new one is set
// (or the operator steps in): their sessions except keepID (the one that changed it),
// their sign-ins waiting for a code, their reset links still open (the operator's
// issueStaffReset makes a fresh one after this), and the failed attempts counted
// against their address, so the new password is not throttled for the old one's
// mistakes.
func endStaffSignIns(ctx context.Context, tx *db.Tx, tenantID, staffID, keepID int64, email string, now time.Time) error {
	if err := session.EndForStaff(ctx, tx, tenantID, staffID, keepID); err != nil {
		return err
	}
	if err := cancelStaffResets(ctx, tx, tenantID, staffID, now); err != nil {
		return err
	}
	if err := twofactor.EndStaffChallenges(ctx, tx, tenantID, staffID); err != nil {
		return err
	}
	return auth.ClearFailures(ctx, tx, tenantID, email)
}

// cancelStaffResets uses up staff member staffID's reset links still open.
func cancelStaffResets(ctx context.Context, tx *db.Tx, tenantID, staffID int64, now time.Time) error {
	if _, err := tx.Exec(ctx, `UPDATE tokens SET used_at = ? WHERE tenant_id = ? AND staff_id = ? AND purpose = ?
		AND used_at IS NULL`, now.Unix(), tenantID, staffID, PurposeStaffReset); err != nil {
		return fmt.Errorf("access: cancel staff reset links: %w", err)
	}
	return nil
}
