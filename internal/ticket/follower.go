package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Follower is a colleague who follows a ticket: they see it and are mailed about it.
type Follower struct {
	ContactID int64
	Name      string
	Email     string
	Language  string
	// Gone: no longer a contact of the ticket's company with access (revoked, or
	// left it). The row stays, so restored access follows again, but meanwhile they
	// neither see the ticket nor get its mails (notify.go's ticketContacts), so the
	// lists must not name them as if they did.
	Gone bool
}

// Followers lists the ticket's followers.
func Followers(ctx context.Context, q db.Querier, tenantID, ticketID int64) ([]Follower, error) {
	rows, err := q.Query(ctx, `SELECT c.id, TRIM(c.first_name || ' ' || c.last_name), c.email, c.language,
		NOT EXISTS (SELECT 1 FROM tickets t JOIN memberships m ON m.company_id = t.company_id AND m.contact_id = c.id
			AND m.access <> 'revoked' WHERE t.id = f.ticket_id)
		FROM ticket_followers f JOIN contacts c ON c.id = f.contact_id
		WHERE f.tenant_id = ? AND f.ticket_id = ? ORDER BY c.last_name, c.first_name, c.id`, tenantID, ticketID)
	if err != nil {
		return nil, fmt.Errorf("ticket: followers: %w", err)
	}
	defer rows.Close()
	var out []Follower
	for rows.Next() {
		var f Follower
		if err := rows.Scan(&f.ContactID, &f.Name, &f.Email, &f.Language, &f.Gone); err != nil {
			return nil, fmt.Errorf("ticket: followers: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Follow adds a colleague as follower. The colleague must have active portal access to
// the ticket's company; anyone else is ErrNotFollower.
func Follow(ctx context.Context, tx db.Querier, t Ticket, contactID int64, actor string, byContact, byStaff int64, now time.Time) error {
	var one int
	err := tx.QueryRow(ctx, `SELECT 1 FROM memberships WHERE tenant_id = ? AND company_id = ? AND contact_id = ?
		AND access = 'active'`, t.TenantID, t.CompanyID, contactID).Scan(&one)
	if err != nil {
		if db.One(err) == db.ErrNotFound {
			return ErrNotFollower
		}
		return fmt.Errorf("ticket: follow: %w", err)
	}
	var exists int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_followers WHERE ticket_id = ? AND contact_id = ?`, t.ID, contactID).Scan(&exists); err != nil {
		return fmt.Errorf("ticket: follow: %w", err)
	}
	if exists > 0 || contactID == t.ContactID {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO ticket_followers (ticket_id, contact_id, tenant_id, created_at) VALUES (?, ?, ?, ?)`,
		t.ID, contactID, t.TenantID, now.Unix()); err != nil {
		return fmt.Errorf("ticket: follow: %w", err)
	}
	return addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: "follower", Actor: actor, Note: fmt.Sprint(contactID)}, byContact, byStaff, now)
}

// Unfollow removes a follower.
func Unfollow(ctx context.Context, tx db.Querier, t Ticket, contactID int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM ticket_followers WHERE tenant_id = ? AND ticket_id = ? AND contact_id = ?`,
		t.TenantID, t.ID, contactID); err != nil {
		return fmt.Errorf("ticket: unfollow: %w", err)
	}
	return nil
}

// Follows reports whether the contact follows the ticket.
func Follows(ctx context.Context, q db.Querier, t Ticket, contactID int64) (bool, error) {
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_followers WHERE tenant_id = ? AND ticket_id = ? AND contact_id = ?`,
		t.TenantID, t.ID, contactID).Scan(&n); err != nil {
		return false, fmt.Errorf("ticket: follows: %w", err)
	}
	return n > 0, nil
}
