package access

import (
	"context"
	"errors"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

// ErrHasAdmin means the tenant already has an admin, so no setup link is issued.
var ErrHasAdmin = errors.New("access: an admin exists already")

// SetupLink issues a one-time link that creates the tenant's first admin. There is no
// default password: whoever can read the server's log creates the admin.
func (s *Service) SetupLink(ctx context.Context, tenantID int64, origin string) (string, error) {
	n, err := staff.CountAdmins(ctx, s.DB, tenantID)
	if err != nil {
		return "", err
	}
	if n > 0 {
		return "", ErrHasAdmin
	}
	raw, err := auth.IssueToken(ctx, s.DB, auth.Token{TenantID: tenantID, Purpose: auth.PurposeSetup}, SetupTTL, s.Now())
	if err != nil {
		return "", err
	}
	return origin + "/admin/setup/" + raw, nil
}

// CheckSetup tells whether a setup link can still be used.
func (s *Service) CheckSetup(ctx context.Context, tenantID int64, raw string) error {
	_, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeSetup, raw, s.Now())
	return err
}

// CompleteSetup creates the first admin and uses up the link; the admin is logged in.
// lang is the language the setup page was shown in: a supported one becomes the
// tenant's default language while that is still the one it started with.
func (s *Service) CompleteSetup(ctx context.Context, tenantID int64, raw, name, email, pw, confirm, lang string, c Client) (string, error) {
	e := CheckNewPassword("password", pw, confirm, email)
	e.Text("name", name, true, 100)
	e.Required("email", email)
	e.Email("email", email)
	if err := s.CheckSetup(ctx, tenantID, raw); err != nil {
		return "", err
	}
	if e.Any() {
		return "", e
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return "", err
	}
	now := s.Now()
	var sess string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Serialise setups: two instances' links used at once must not make two admins.
		if err := tenant.Lock(ctx, tx, tenantID); err != nil {
			return err
		}
		tok, err := auth.LookupToken(ctx, tx, tenantID, auth.PurposeSetup, raw, now)
		if err != nil {
			return err
		}
		if err := auth.ConsumeToken(ctx, tx, tok.ID, now); err != nil {
			return err
		}
		if n, err := staff.CountAdmins(ctx, tx, tenantID); err != nil || n > 0 {
			return errors.Join(err, auth.ErrTokenUsed)
		}
		m, err := staff.Create(ctx, tx, staff.Member{TenantID: tenantID, Email: email, Name: name,
			Role: staff.RoleAdmin, PasswordHash: hash}, now)
		if err != nil {
			return err
		}
		if sess, err = s.staffSession(ctx, tx, m, c); err != nil {
			return err
		}
		if i18n.Supported(lang) {
			if err := tenant.AdoptSetupLanguage(ctx, tx, tenantID, lang); err != nil {
				return err
			}
		}
		return audit.Log(ctx, tx, tenantID, StaffActor(m.ID, m.Email), audit.AdminSetup, m.Email, c.IP, now)
	})
	return sess, err
}

func (s *Service) staffSession(ctx context.Context, q db.Querier, m staff.Member, c Client) (string, error) {
	return sessionNew(ctx, q, m.TenantID, m.ID, c, s.Now())
}
