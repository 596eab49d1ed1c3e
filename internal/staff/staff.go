// Package staff holds the provider's staff members who use the back office.
package staff

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// Roles of staff members.
const (
	RoleAdmin = "admin" // everything, including staff and settings
	RoleAgent = "agent" // day-to-day work: companies, contacts, access
)

// Member is a staff member of a tenant.
type Member struct {
	ID           int64
	TenantID     int64
	Email        string
	Name         string
	Role         string
	PasswordHash string
	Language     string
	Active       bool
}

// IsAdmin reports whether m may manage staff and settings.
func (m Member) IsAdmin() bool { return m.Role == RoleAdmin }

const columns = `id, tenant_id, email, name, role, password_hash, language, active`

func scan(row interface{ Scan(...any) error }) (Member, error) {
	var m Member
	err := row.Scan(&m.ID, &m.TenantID, &m.Email, &m.Name, &m.Role, &m.PasswordHash, &m.Language, &m.Active)
	return m, db.One(err)
}

// Create stores a new staff member. passwordHash may be empty (no login yet).
func Create(ctx context.Context, q db.Querier, m Member, now time.Time) (Member, error) {
	m.Email = strings.ToLower(strings.TrimSpace(m.Email))
	id, err := db.Insert(ctx, q, `INSERT INTO staff (tenant_id, email, name, role, password_hash, language, active, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, m.TenantID, m.Email, m.Name, m.Role, m.PasswordHash, m.Language, true, now.Unix())
	if err != nil {
		return m, fmt.Errorf("staff: create: %w", err)
	}
	m.ID, m.Active = id, true
	return m, nil
}

// Get loads a member of the tenant.
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Member, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM staff WHERE tenant_id = ? AND id = ?`, tenantID, id))
}

// ByEmail loads a member of the tenant by email.
func ByEmail(ctx context.Context, q db.Querier, tenantID int64, email string) (Member, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM staff WHERE tenant_id = ? AND email = ?`,
		tenantID, strings.ToLower(strings.TrimSpace(email))))
}

// List returns all staff of the tenant, by name. Staff lists are short.
func List(ctx context.Context, q db.Querier, tenantID int64) ([]Member, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM staff WHERE tenant_id = ? ORDER BY name, id`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("staff: list: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		m, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// CountAdmins counts active admins of the tenant; the last one cannot be demoted.
func CountAdmins(ctx context.Context, q db.Querier, tenantID int64) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM staff WHERE tenant_id = ? AND role = ? AND active`, tenantID, RoleAdmin).Scan(&n)
	return n, err
}

// Update changes name, role and active flag.
func Update(ctx context.Context, q db.Querier, m Member) error {
	_, err := q.Exec(ctx, `UPDATE staff SET name = ?, role = ?, active = ? WHERE tenant_id = ? AND id = ?`,
		m.Name, m.Role, m.Active, m.TenantID, m.ID)
	return err
}

// SetPassword stores a new password hash.
func SetPassword(ctx context.Context, q db.Querier, tenantID, id int64, hash string) error {
	_, err := q.Exec(ctx, `UPDATE staff SET password_hash = ? WHERE tenant_id = ? AND id = ?`, hash, tenantID, id)
	return err
}

// SetFirstPassword stores the hash as the member's first password, only while they
// have none; it reports whether they had none. An invitation sets the first password
// and nothing more: it must not replace one set meanwhile (the operator's link) and
// with it step past that member's second factor.
func SetFirstPassword(ctx context.Context, q db.Querier, tenantID, id int64, hash string) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE staff SET password_hash = ? WHERE tenant_id = ? AND id = ? AND password_hash = ''`,
		hash, tenantID, id)
	if err != nil {
		return false, fmt.Errorf("staff: set first password: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// SetLanguage stores the member's language for the back office.
func SetLanguage(ctx context.Context, q db.Querier, tenantID, id int64, lang string) error {
	_, err := q.Exec(ctx, `UPDATE staff SET language = ? WHERE tenant_id = ? AND id = ?`, lang, tenantID, id)
	return err
}

// DeleteInvited deletes a member who never set a password, and their invitation links
// explicitly (not only by the foreign key's cascade) so no link can outlive them.
// db.ErrNotFound when there is no such member (any more) or they have a password.
func DeleteInvited(ctx context.Context, q db.Querier, tenantID, id int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM tokens WHERE tenant_id = ? AND staff_id = ?`, tenantID, id); err != nil {
		return fmt.Errorf("staff: delete links: %w", err)
	}
	res, err := q.Exec(ctx, `DELETE FROM staff WHERE tenant_id = ? AND id = ? AND password_hash = ''`, tenantID, id)
	if err != nil {
		return fmt.Errorf("staff: delete invited: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}
