// Package session keeps login sessions in the database, so every instance behind a load
// balancer sees the same sessions and revoking access ends them at once. Only a hash of
// the cookie value is stored.
package session

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/validate"
)

// Lifetimes: a session ends after IdleTimeout without requests, and at the latest after
// MaxAge. Activity is written at most once per touchEvery, so a busy page does not turn
// every read into a write.
const (
	IdleTimeout = 12 * time.Hour
	MaxAge      = 30 * 24 * time.Hour
	touchEvery  = time.Minute
)

// Session is a logged-in staff member or contact.
type Session struct {
	ID        int64
	TenantID  int64
	StaffID   int64
	ContactID int64
	CompanyID int64
	CreatedAt time.Time
	LastSeen  time.Time
	// ContactReadMarks is the contact's count of read-mark writes (contacts.read_marks),
	// set by LookupContact: while it stays the same, so do the contact's read marks.
	ContactReadMarks int64
}

// New stores a session and returns the cookie value. Exactly one of staffID and
// contactID is set. A fresh token at every login is the session rotation.
func New(ctx context.Context, q db.Querier, tenantID, staffID, contactID, companyID int64, ip, ua string, now time.Time) (string, error) {
	raw, hash := auth.NewToken()
	ua = validate.Truncate(validate.Clean(ua), 300)
	ip = validate.Clean(ip)
	_, err := q.Exec(ctx, `INSERT INTO sessions (token_hash, tenant_id, staff_id, contact_id, company_id, ip, user_agent,
		created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, hash, tenantID,
		nullID(staffID), nullID(contactID), nullID(companyID), ip, ua, now.Unix(), now.Unix(), now.Add(IdleTimeout).Unix())
	if err != nil {
		return "", fmt.Errorf("session: create: %w", err)
	}
	return raw, nil
}

// Lookup finds the live session for a cookie value within a tenant and extends it.
// Preview sessions are not found here (see LookupPreview): they are read-only.
func Lookup(ctx context.Context, d *db.DB, tenantID int64, raw string, now time.Time) (Session, error) {
	var s Session
	var staff, contact, company *int64
	var created, seen, exp int64
	err := d.QueryRow(ctx, `SELECT id, tenant_id, staff_id, contact_id, company_id, created_at, last_seen_at, expires_at
		FROM sessions WHERE token_hash = ? AND tenant_id = ? AND preview_by IS NULL`, auth.HashToken(raw), tenantID).
		Scan(&s.ID, &s.TenantID, &staff, &contact, &company, &created, &seen, &exp)
	if err != nil {
		return s, db.One(err)
	}
	s.StaffID, s.ContactID, s.CompanyID = deref(staff), deref(contact), deref(company)
	return s, s.keep(ctx, d, created, seen, exp, now)
}

// keep checks a found session's lifetimes: an expired one is deleted and reads as
// db.ErrNotFound; a live one is extended, written at most once per touchEvery.
func (s *Session) keep(ctx context.Context, d *db.DB, created, seen, exp int64, now time.Time) error {
	s.CreatedAt, s.LastSeen = time.Unix(created, 0), time.Unix(seen, 0)
	if now.Unix() >= exp || now.Sub(s.CreatedAt) > MaxAge {
		d.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, s.ID)
		return db.ErrNotFound
	}
	if now.Sub(s.LastSeen) >= touchEvery {
		// Only while the row still holds the expiry read above: a session ended in the
		// meantime (endedSQL, by another request or instance) must not be revived by a
		// request that read it just before.
		if _, err := d.Exec(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ? AND expires_at = ?`,
			now.Unix(), now.Add(IdleTimeout).Unix(), s.ID, exp); err != nil {
			return fmt.Errorf("session: touch: %w", err)
		}
	}
	return nil
}

// Delete ends the session with the given cookie value.
func Delete(ctx context.Context, q db.Querier, raw string) error {
	_, err := q.Exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, auth.HashToken(raw))
	return err
}

// EndForContact ends all sessions of a contact except keepID (0 ends all); used when a
// password changes or access is revoked.
func EndForContact(ctx context.Context, q db.Querier, tenantID, contactID, keepID int64) error {
	_, err := q.Exec(ctx, `DELETE FROM sessions WHERE tenant_id = ? AND contact_id = ? AND id <> ?`, tenantID, contactID, keepID)
	return err
}

// EndForContactCompany ends a contact's sessions that act for companyID (access
// revoked, or taken down to a user). They end as expired rather than deleted (see
// endedSQL): refused by every lookup at once, their rows let the login page tell the
// browser that held one which company's access ended (TakeEnded).
func EndForContactCompany(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64) error {
	_, err := q.Exec(ctx, endedSQL+`WHERE tenant_id = ? AND contact_id = ? AND company_id = ?`,
		tenantID, contactID, companyID)
	return err
}

// EndForStaff ends all sessions of a staff member except keepID.
func EndForStaff(ctx context.Context, q db.Querier, tenantID, staffID, keepID int64) error {
	_, err := q.Exec(ctx, `DELETE FROM sessions WHERE tenant_id = ? AND staff_id = ? AND id <> ?`, tenantID, staffID, keepID)
	return err
}

// SetCompany switches the active company of a contact's session.
func SetCompany(ctx context.Context, q db.Querier, id, companyID int64) error {
	_, err := q.Exec(ctx, `UPDATE sessions SET company_id = ? WHERE id = ?`, companyID, id)
	return err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
