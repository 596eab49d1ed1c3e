// Package audit records security-relevant actions so admins can see who did what.
package audit

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Actions recorded.
const (
	LoginOK = "login"
	// SessionsEnded: a person signed out other sessions from their account page; the
	// detail says how many.
	SessionsEnded  = "sessions_ended"
	LoginFailed    = "login_failed"
	LoginThrottled = "login_throttled"
	Logout         = "logout"
	AccessGranted  = "access_granted"
	AccessRevoked  = "access_revoked"
	// InvitationSent, InvitationAccepted, InvitationWithdrawn: a main contact's
	// invitation of a colleague, which gives access only once accepted.
	InvitationSent      = "invitation_sent"
	InvitationAccepted  = "invitation_accepted"
	InvitationWithdrawn = "invitation_withdrawn"
	PasswordChanged     = "password_changed"
	// PasswordChangeFailed is a wrong current password on the change-password form.
	PasswordChangeFailed = "password_change_failed"
	ContactChanged       = "contact_changed"
	// NotificationsChanged: a contact chose other ticket mails (see contact.Notifications).
	NotificationsChanged = "notifications_changed"
	MembershipAdded      = "membership_added"
	RoleChanged          = "role_changed"
	// StaffInvitationResent replaced a staff member's invitation link.
	StaffInvitationResent = "staff_invitation_resent"
	// PasswordResetRequested: a reset link was mailed; PasswordReset: it was used.
	PasswordResetRequested = "password_reset_requested"
	PasswordReset          = "password_reset"
	PasswordSet            = "password_set"
	AdminSetup             = "admin_setup"
	StaffCreated           = "staff_created"
	StaffChanged           = "staff_changed"
	SettingsChanged        = "settings_changed"
	// PortalURLRemembered: an admin's first sign-in set the portal address for links.
	PortalURLRemembered = "portal_url_remembered"
	// BrandingChanged: the portal's title, texts or logo were changed.
	BrandingChanged = "branding_changed"
	// PreviewStarted and PreviewEnded: a staff member viewed the portal as a contact.
	PreviewStarted = "preview_started"
	PreviewEnded   = "preview_ended"
	// MailTemplateSaved / MailTemplateReset: a tenant's own mail text was saved or deleted.
	MailTemplateSaved = "mail_template_saved"
	MailTemplateReset = "mail_template_reset"
)

// Entry is one line of the audit log.
type Entry struct {
	ID     int64
	At     time.Time
	Actor  string // "staff:3 anna@…", "contact:7 max@…", or an email for failed logins
	Action string
	Target string
	IP     string
	// ContactID is the contact the entry concerns (written by LogFor), 0 for none: the
	// log links the contact an access entry names by address.
	ContactID int64
}

// Log writes an entry. Callers pass the transaction of the change when there is one, so
// the entry and the change are stored together.
func Log(ctx context.Context, q db.Querier, tenantID int64, actor, action, target, ip string, now time.Time) error {
	return LogFor(ctx, q, tenantID, 0, actor, action, target, ip, now)
}

// LogFor writes an entry that concerns a contact (their sign-ins, their access, their
// password), so the contact sees it on their account page.
func LogFor(ctx context.Context, q db.Querier, tenantID, contactID int64, actor, action, target, ip string, now time.Time) error {
	var cid any
	if contactID > 0 {
		cid = contactID
	}
	_, err := q.Exec(ctx, `INSERT INTO audit_log (tenant_id, contact_id, at, actor, action, target, ip) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		tenantID, cid, now.Unix(), actor, action, target, ip)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// Filter narrows the log: one action, text the actor or the target contains
// (case-insensitive), and entries written from From until before To. Zero values
// filter nothing.
type Filter struct {
	Action   string
	Query    string
	From, To time.Time
}

// List returns the newest entries of a tenant that pass f, older than beforeID when set
// (keyset paging: stays fast however long the log grows). An action filter walks the
// (tenant, action, id) index; a text search walks the tenant's entries newest first
// until the page is full, which on a long log with a rare text reads it all — fine for
// an admin's occasional question, and no index would serve "contains" on both columns.
// A time range becomes an id range first (idBounds), so it narrows that walk too.
func List(ctx context.Context, q db.Querier, tenantID int64, f Filter, beforeID int64, limit int) ([]Entry, error) {
	where, args := `tenant_id = ?`, []any{tenantID}
	if f.Action != "" {
		where += ` AND action = ?`
		args = append(args, f.Action)
	}
	if t := db.SearchTerm(f.Query); t != "" {
		like := "%" + db.LikeEscape(t) + "%"
		where += ` AND (LOWER(actor) LIKE ? ESCAPE '\' OR LOWER(target) LIKE ? ESCAPE '\')`
		args = append(args, like, like)
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		lo, hi, err := idBounds(ctx, q, tenantID, f.From, f.To)
		if err != nil {
			return nil, err
		}
		if !f.From.IsZero() {
			where += ` AND id >= ? AND at >= ?`
			args = append(args, lo, f.From.Unix())
		}
		if !f.To.IsZero() {
			where += ` AND at < ?`
			args = append(args, f.To.Unix())
			if beforeID == 0 || hi < beforeID {
				beforeID = hi
			}
		}
	}
	if beforeID > 0 {
		where += ` AND id < ?`
		args = append(args, beforeID)
	}
	rows, err := q.Query(ctx, `SELECT id, at, actor, action, target, ip, contact_id FROM audit_log WHERE `+where+
		` ORDER BY id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("audit: list: %w", err)
	}
	return scanEntries(rows)
}

// ForContact returns the newest entries that concern a contact.
func ForContact(ctx context.Context, q db.Querier, tenantID, contactID int64, limit int) ([]Entry, error) {
	rows, err := q.Query(ctx, `SELECT id, at, actor, action, target, ip, contact_id FROM audit_log
		WHERE contact_id = ? AND tenant_id = ? ORDER BY id DESC LIMIT ?`, contactID, tenantID, limit)
	if err != nil {
		return nil, fmt.Errorf("audit: for contact: %w", err)
	}
	return scanEntries(rows)
}

// scanEntries reads rows of (id, at, actor, action, target, ip, contact_id) and closes
// them.
func scanEntries(rows *sql.Rows) ([]Entry, error) {
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var at int64
		var cid sql.NullInt64
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Target, &e.IP, &cid); err != nil {
			return nil, fmt.Errorf("audit: scan: %w", err)
		}
		e.At, e.ContactID = time.Unix(at, 0), cid.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}
