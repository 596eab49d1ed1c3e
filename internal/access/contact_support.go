package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/passkey"
	"pforte/internal/retention"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
)

// Audit actions of staff helping a contact back into the portal (the contact's page in
// the back office). The target is the contact's address; the entry concerns the
// contact, who sees it on their account page.
const (
	// SupportResetSent: staff mailed the contact a password-reset link.
	SupportResetSent = "support_reset_sent"
	// SupportTwoFactorReset: an admin switched the contact's TOTP off (app and
	// recovery codes lost); passkeys stay.
	SupportTwoFactorReset = "support_twofactor_reset"
	// SupportUnlocked: staff lifted the throttle that refused the contact's sign-ins.
	SupportUnlocked = "support_unlocked"
)

// Why staff cannot send a contact a reset link.
var (
	// ErrNoPassword: the contact never set a password (invited, or never asked in), so
	// there is no account to reset; an invitation is the way in.
	ErrNoPassword = errors.New("access: contact has no password")
	// ErrNoActiveAccess: no company lets the contact in; a link could not be used.
	ErrNoActiveAccess = errors.New("access: contact has no active access")
)

// SupportState is what staff see of a contact's sign-in on the contact's page.
type SupportState struct {
	HasPassword bool
	Active      bool      // active access to at least one company
	LastSignIn  time.Time // zero: never signed in, or not within AuditDays
	// AuditDays, when not 0, is how long the audit log, where sign-ins are read from,
	// keeps them (retention.Rules), for a contact with a password, no sign-in in it and
	// older than that: they may have signed in before, so not "never".
	AuditDays   int
	TwoFactor   bool // TOTP switched on
	Passkeys    int
	LockedUntil time.Time // zero: sign-in not refused by the throttle
}

// ContactSupportState collects ct's sign-in state: the last sign-in from the audit log
// (password, second step, passkey or accepted invitation: every way in writes one), the
// second factors, and whether the throttle refuses the password or the code step.
func (s *Service) ContactSupportState(ctx context.Context, ct contact.Contact) (SupportState, error) {
	st := SupportState{HasPassword: ct.PasswordHash != ""}
	company, err := s.startCompany(ctx, ct)
	if err != nil {
		return st, err
	}
	st.Active = company > 0
	var at int64
	err = db.One(s.DB.QueryRow(ctx, `SELECT at FROM audit_log WHERE contact_id = ? AND tenant_id = ? AND action IN (?, ?)
		ORDER BY id DESC LIMIT 1`, ct.ID, ct.TenantID, audit.LoginOK, passkey.ActionLogin).Scan(&at))
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return st, fmt.Errorf("access: last sign-in: %w", err)
	}
	if at > 0 {
		st.LastSignIn = time.Unix(at, 0)
	} else if st.HasPassword {
		if st.AuditDays, err = s.signInsKeptSince(ctx, ct); err != nil {
			return st, err
		}
	}
	if st.TwoFactor, err = twofactor.Enabled(ctx, s.DB, ct.TenantID, ct.ID); err != nil {
		return st, err
	}
	keys, err := passkey.ForContact(ctx, s.DB, ct.TenantID, ct.ID)
	if err != nil {
		return st, err
	}
	st.Passkeys = len(keys)
	now := s.Now()
	if st.LockedUntil, err = auth.PasswordLockedUntil(ctx, s.DB, ct.TenantID, ct.Email, now); err != nil {
		return st, err
	}
	second, err := auth.LockedUntil(ctx, s.DB, ct.TenantID, secondKey(ct.Email), now)
	if second.After(st.LockedUntil) {
		st.LockedUntil = second
	}
	return st, err
}

// SendResetFor mails ct a password-reset link on behalf of staff member staffID: the
// same link and mail as "forgot password", in the contact's language. Staff send it
// deliberately, so it does not depend on the tenant offering self-service resets (the
// link marks who sent it, see StaffSentReset). A contact without a password or without
// active access gets none (ErrNoPassword, ErrNoActiveAccess).
func (s *Service) SendResetFor(ctx context.Context, t tenant.Tenant, by Actor, staffID int64, ct contact.Contact, origin string) error {
	if ct.PasswordHash == "" {
		return ErrNoPassword
	}
	company, err := s.startCompany(ctx, ct)
	if err != nil {
		return err
	}
	if company == 0 {
		return ErrNoActiveAccess
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := s.queueResetMail(ctx, tx, t, ct, origin, staffID, now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, by.Label, SupportResetSent, ct.Email, by.IP, now)
	})
}

// StaffSentReset tells whether a reset link (usable or not) was sent by staff, so its
// page opens although the tenant offers no self-service reset.
func (s *Service) StaffSentReset(ctx context.Context, tenantID int64, raw string) bool {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeReset, raw, s.Now())
	return tok.StaffID > 0 && !errors.Is(err, auth.ErrTokenUnknown)
}

// ResetTwoFactorFor switches ct's TOTP off and deletes the recovery codes, for a
// contact who lost both (passkeys stay). Whoever holds a session of the contact is
// signed out, the contact gets the "two-factor switched off" notice, and a company
// that requires two factors asks for a new setup at the next sign-in.
func (s *Service) ResetTwoFactorFor(ctx context.Context, t tenant.Tenant, by Actor, ct contact.Contact, origin string) error {
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := twofactor.Remove(ctx, tx, t.ID, ct.ID); err != nil {
			return err
		}
		if err := session.EndForContact(ctx, tx, t.ID, ct.ID, 0); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, t.ID, secondKey(ct.Email)); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, t, ct, "mail.twofactor_disabled", origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, by.Label, SupportTwoFactorReset, ct.Email, by.IP, now)
	})
}

// UnlockSignIn forgets the failed sign-ins and second-factor codes of ct's address, so
// the throttle lets the contact in again at once rather than after Window.
func (s *Service) UnlockSignIn(ctx context.Context, tenantID int64, by Actor, ct contact.Contact) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := auth.ClearFailures(ctx, tx, tenantID, ct.Email); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, tenantID, secondKey(ct.Email)); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, tenantID, ct.ID, by.Label, SupportUnlocked, ct.Email, by.IP, s.Now())
	})
}

// signInsKeptSince returns how many days the audit log keeps ct's sign-ins when ct is
// older than that (retention.Rules.AuditDays), else 0: every sign-in since ct was
// created is still there.
func (s *Service) signInsKeptSince(ctx context.Context, ct contact.Contact) (int, error) {
	rules, err := retention.Get(ctx, s.DB, ct.TenantID)
	if err != nil || rules.AuditDays == 0 {
		return 0, err
	}
	var created int64
	if err := s.DB.QueryRow(ctx, `SELECT created_at FROM contacts WHERE id = ? AND tenant_id = ?`, ct.ID, ct.TenantID).Scan(&created); err != nil {
		return 0, fmt.Errorf("access: contact created: %w", err)
	}
	if created >= s.Now().AddDate(0, 0, -rules.AuditDays).Unix() {
		return 0, nil
	}
	return rules.AuditDays, nil
}
