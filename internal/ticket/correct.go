package ticket

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// History kinds of staff's corrections (staff only: the portal shows the ticket as it
// is now).
const (
	EventRetitled = "retitled" // Note: the subject before
	EventMoved    = "moved"    // Note: "company · contact" before
)

var (
	// ErrNotMember: the contact chosen as the ticket's opener is not in its company.
	ErrNotMember = errors.New("ticket: the contact does not belong to the company")
	// ErrHasMerged: other tickets were merged into this one; they stay with their
	// company, so this one cannot leave it.
	ErrHasMerged = errors.New("ticket: tickets merged into this one keep it in its company")
)

// Retitle corrects the subject (staff) and reports whether it changed. The search
// text's subject part follows; what merges added to it stays, so the customer's other
// wordings still find the ticket.
func Retitle(ctx context.Context, tx db.Querier, t Ticket, title string, a Actor, now time.Time) (bool, error) {
	t, err := fresh(ctx, tx, t)
	if err != nil || title == t.Title {
		return false, err
	}
	var search string
	if err := tx.QueryRow(ctx, `SELECT search FROM tickets WHERE tenant_id = ? AND id = ?`, t.TenantID, t.ID).Scan(&search); err != nil {
		return false, fmt.Errorf("ticket: retitle: %w", db.One(err))
	}
	search = strings.ToLower(title) + strings.TrimPrefix(search, strings.ToLower(t.Title))
	if _, err := tx.Exec(ctx, `UPDATE tickets SET title = ?, search = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		title, search, now.Unix(), t.TenantID, t.ID); err != nil {
		return false, fmt.Errorf("ticket: retitle: %w", err)
	}
	return true, addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: EventRetitled, Actor: a.Name, Note: t.Title}, a.ContactID, a.StaffID, now)
}

// Move gives the ticket another opener, in its company or in another company of the
// tenant (staff), and reports whether anything changed: the contact must belong to
// companyID, with access not revoked (ErrNotMember). The time
// logged on it goes along; followers who are not in the new company stop following
// (they could no longer see it), and so does the new opener. The portal lists of both
// companies see the change (the list_versions triggers on tickets and followers).
func Move(ctx context.Context, tx db.Querier, t Ticket, companyID, contactID int64, a Actor, now time.Time) (bool, error) {
	t, err := fresh(ctx, tx, t)
	if err != nil || companyID == t.CompanyID && contactID == t.ContactID {
		return false, err
	}
	if err := mayOpen(ctx, tx, t.TenantID, companyID, contactID); err != nil {
		return false, err
	}
	if companyID != t.CompanyID {
		var merged int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ? AND merged_into = ?`, t.TenantID, t.ID).Scan(&merged); err != nil {
			return false, fmt.Errorf("ticket: move: %w", err)
		}
		if merged > 0 {
			return false, ErrHasMerged
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE tickets SET company_id = ?, contact_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		companyID, contactID, now.Unix(), t.TenantID, t.ID); err != nil {
		return false, fmt.Errorf("ticket: move: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE ticket_time SET company_id = ? WHERE tenant_id = ? AND ticket_id = ?`, companyID, t.TenantID, t.ID); err != nil {
		return false, fmt.Errorf("ticket: move time: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM ticket_followers WHERE tenant_id = ? AND ticket_id = ? AND (contact_id = ?
		OR NOT EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = ? AND m.company_id = ? AND m.contact_id = ticket_followers.contact_id))`,
		t.TenantID, t.ID, contactID, t.TenantID, companyID); err != nil {
		return false, fmt.Errorf("ticket: move followers: %w", err)
	}
	note := t.CompanyName + " · " + t.ContactName
	return true, addEvent(ctx, tx, t.TenantID, t.ID, Event{Kind: EventMoved, Actor: a.Name, Note: note}, a.ContactID, a.StaffID, now)
}

// mayOpen checks that the contact may be the opener of a ticket of the company: a
// contact of the tenant (another tenant's is db.ErrNotFound, as its ids are anywhere)
// and a member of the company whose access was not revoked (ErrNotMember): a revoked
// opener could not see the ticket.
func mayOpen(ctx context.Context, tx db.Querier, tenantID, companyID, contactID int64) error {
	var one int
	if err := tx.QueryRow(ctx, `SELECT 1 FROM contacts WHERE tenant_id = ? AND id = ?`, tenantID, contactID).Scan(&one); err != nil {
		return fmt.Errorf("ticket: move contact: %w", db.One(err))
	}
	var access string
	err := db.One(tx.QueryRow(ctx, `SELECT access FROM memberships WHERE tenant_id = ? AND company_id = ? AND contact_id = ?`,
		tenantID, companyID, contactID).Scan(&access))
	switch {
	case errors.Is(err, db.ErrNotFound), err == nil && access == "revoked":
		return ErrNotMember
	case err != nil:
		return fmt.Errorf("ticket: move: %w", err)
	}
	return nil
}

// Correctable checks, for a change of who follows t (staff), what fresh checks for
// the other corrections.
func Correctable(ctx context.Context, tx db.Querier, t Ticket) error {
	_, err := fresh(ctx, tx, t)
	return err
}

// fresh re-reads what decides whether t may be corrected, in the caller's transaction
// and, on PostgreSQL, with the row locked: a merge or a billing that committed after t
// was read is seen, and one that comes later waits for this transaction (a merge locks
// both tickets, so nothing is merged into a ticket while it moves to another company).
// SQLite's single writer runs them one after the other.
func fresh(ctx context.Context, tx db.Querier, t Ticket) (Ticket, error) {
	lock := ""
	if tx.Engine() == db.Postgres {
		lock = ` FOR UPDATE`
	}
	err := tx.QueryRow(ctx, `SELECT billed, COALESCE(merged_into, 0) FROM tickets WHERE tenant_id = ? AND id = ?`+lock,
		t.TenantID, t.ID).Scan(&t.Billed, &t.MergedInto)
	if err != nil {
		return t, fmt.Errorf("ticket: correct: %w", db.One(err))
	}
	return t, unlocked(t)
}
