package session

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/validate"
)

// PreviewTTL is the longest a customer preview lasts. It ends earlier with the staff
// member's own session (the preview row references it and is deleted with it).
const PreviewTTL = time.Hour

// Preview is a staff member's read-only view of the portal as one contact in one
// company.
type Preview struct {
	ID             int64
	TenantID       int64
	StaffID        int64
	StaffSessionID int64
	ContactID      int64
	CompanyID      int64
	ExpiresAt      time.Time
}

// NewPreview stores a preview session for staffID (logged in with staffSessionID) as
// contactID in companyID and returns the cookie value. It is a session of its own: the
// contact's real sessions are untouched, and no login of the contact is recorded.
func NewPreview(ctx context.Context, q db.Querier, tenantID, staffID, staffSessionID, contactID, companyID int64,
	ip, ua string, now time.Time) (string, error) {
	raw, hash := auth.NewToken()
	_, err := q.Exec(ctx, `INSERT INTO sessions (token_hash, tenant_id, contact_id, company_id, preview_by, preview_of,
		ip, user_agent, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		hash, tenantID, contactID, companyID, staffID, staffSessionID, validate.Clean(ip), validate.Truncate(validate.Clean(ua), 300),
		now.Unix(), now.Unix(), now.Add(PreviewTTL).Unix())
	if err != nil {
		return "", fmt.Errorf("session: create preview: %w", err)
	}
	return raw, nil
}

// LookupPreview finds the live preview session for a cookie value within a tenant. It
// is never extended, and it is over as soon as the staff member's own session is (logged
// out, expired, or ended because the staff member was deactivated).
func LookupPreview(ctx context.Context, q db.Querier, tenantID int64, raw string, now time.Time) (Preview, error) {
	var p Preview
	var exp, staffExp, staffCreated int64
	err := q.QueryRow(ctx, `SELECT p.id, p.tenant_id, p.preview_by, p.preview_of, p.contact_id, p.company_id,
		p.expires_at, s.expires_at, s.created_at
		FROM sessions p JOIN sessions s ON s.id = p.preview_of AND s.staff_id = p.preview_by AND s.tenant_id = p.tenant_id
		WHERE p.token_hash = ? AND p.tenant_id = ? AND p.preview_by IS NOT NULL AND p.contact_id IS NOT NULL
		AND p.company_id IS NOT NULL`, auth.HashToken(raw), tenantID).
		Scan(&p.ID, &p.TenantID, &p.StaffID, &p.StaffSessionID, &p.ContactID, &p.CompanyID, &exp, &staffExp, &staffCreated)
	if err != nil {
		return p, db.One(err)
	}
	p.ExpiresAt = time.Unix(exp, 0)
	if now.Unix() >= exp || now.Unix() >= staffExp || now.Sub(time.Unix(staffCreated, 0)) > MaxAge {
		return p, db.ErrNotFound
	}
	return p, nil
}

// EndPreview deletes a preview session by its cookie value and returns what it was, so
// the caller can log the end and return to the contact. An unknown or expired value
// gives db.ErrNotFound (and deletes nothing that is not a preview).
func EndPreview(ctx context.Context, q db.Querier, tenantID int64, raw string) (Preview, error) {
	var p Preview
	var exp int64
	err := q.QueryRow(ctx, `SELECT id, tenant_id, preview_by, COALESCE(preview_of, 0), COALESCE(contact_id, 0), COALESCE(company_id, 0), expires_at
		FROM sessions WHERE token_hash = ? AND tenant_id = ? AND preview_by IS NOT NULL`, auth.HashToken(raw), tenantID).
		Scan(&p.ID, &p.TenantID, &p.StaffID, &p.StaffSessionID, &p.ContactID, &p.CompanyID, &exp)
	if err != nil {
		return p, db.One(err)
	}
	p.ExpiresAt = time.Unix(exp, 0)
	if _, err := q.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, p.ID); err != nil {
		return p, fmt.Errorf("session: end preview: %w", err)
	}
	return p, nil
}
