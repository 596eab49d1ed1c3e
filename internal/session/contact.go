package session

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
)

// LookupContact is Lookup for the portal: a contact's live session together with the
// contact and the memberships whose access is active (by company name), in one query,
// which is what every portal page needs before it can start (one round trip instead
// of two). Found through the session, the contact carries what pages show of it
// (name, email, phone, language), not its password hash; the memberships what the
// page frame and the principal need. Archived companies are left out: their access
// gives nothing while they are archived.
//
// A session acting for a company the contact has no live access to is deleted (one
// already ended stays for TakeEnded) and reads as db.ErrNotFound, like an unknown one
// (and so does a staff session): a login that picked its company just before staff
// archived it must not come back to life with a restore. The memberships are a LEFT
// JOIN so that such a session is found even when it was the contact's only company;
// the normal path stays one query. (The companies are a LEFT JOIN of their own,
// skipped in Go when archived: a parenthesised "memberships JOIN companies" makes
// SQLite materialise every tenant's memberships.)
//
// The session is found in a sub-select of its own. Joined directly, SQLite plans the
// token's equality with its index statistics (STAT4) and then prepares the statement
// anew for every token bound to it: 92 µs a lookup instead of 13.
func LookupContact(ctx context.Context, d *db.DB, tenantID int64, raw string, now time.Time) (Session, contact.Contact, []contact.Membership, error) {
	var s Session
	var c contact.Contact
	var ms []contact.Membership
	var company *int64
	var created, seen, exp int64
	rows, err := d.Query(ctx, `SELECT s.id, s.tenant_id, s.company_id, s.created_at, s.last_seen_at, s.expires_at,
		c.id, c.tenant_id, c.first_name, c.last_name, c.email, c.phone, c.language, c.read_marks,
		COALESCE(m.id, 0), COALESCE(co.id, 0), COALESCE(co.name, ''), COALESCE(m.role, ''),
		COALESCE(m.access, ''), COALESCE(co.require_two_factor, FALSE), COALESCE(lv.version, 0)
		FROM sessions s
		JOIN contacts c ON c.id = s.contact_id AND c.tenant_id = s.tenant_id
		LEFT JOIN memberships m ON m.contact_id = c.id AND m.tenant_id = c.tenant_id AND m.access = 'active'
		LEFT JOIN companies co ON co.id = m.company_id AND co.archived_at IS NULL
		LEFT JOIN list_versions lv ON lv.company_id = co.id
		WHERE s.id = (SELECT id FROM sessions WHERE token_hash = ? AND tenant_id = ? AND preview_by IS NULL)
		ORDER BY co.name, m.id`, auth.HashToken(raw), tenantID)
	if err != nil {
		return s, c, nil, fmt.Errorf("session: with contact: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		m := contact.Membership{TenantID: tenantID}
		if err := rows.Scan(&s.ID, &s.TenantID, &company, &created, &seen, &exp,
			&c.ID, &c.TenantID, &c.FirstName, &c.LastName, &c.Email, &c.Phone, &c.Language, &s.ContactReadMarks,
			&m.ID, &m.CompanyID, &m.CompanyName, &m.Role, &m.Access, &m.CompanyRequiresTwoFactor,
			&m.ListVersion); err != nil {
			return s, c, nil, fmt.Errorf("session: with contact: %w", err)
		}
		if m.CompanyID == 0 { // no membership, or one in an archived company: no access
			continue
		}
		m.ContactID, m.ContactName, m.Email = c.ID, c.Name(), c.Email
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return s, c, nil, fmt.Errorf("session: with contact: %w", err)
	}
	rows.Close() // before keep writes
	if s.ID == 0 {
		return s, c, nil, db.ErrNotFound
	}
	s.ContactID, s.CompanyID = c.ID, deref(company)
	if !actsFor(ms, s.CompanyID) {
		// A session that a change of access ended (EndForContactCompany) is kept for
		// the login page, which names the company (TakeEnded); a live stray one goes.
		if now.Unix() < exp {
			if _, err := d.Exec(ctx, `DELETE FROM sessions WHERE id = ?`, s.ID); err != nil {
				return s, c, nil, fmt.Errorf("session: end stray: %w", err)
			}
		}
		return s, c, nil, db.ErrNotFound
	}
	return s, c, ms, s.keep(ctx, d, created, seen, exp, now)
}

// actsFor tells whether companyID is among the live memberships ms.
func actsFor(ms []contact.Membership, companyID int64) bool {
	for _, m := range ms {
		if m.CompanyID == companyID {
			return true
		}
	}
	return false
}
