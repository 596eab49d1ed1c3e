package contact

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/validate"
)

const columns = `c.id, c.tenant_id, c.first_name, c.last_name, c.email, c.phone, c.language,
	COALESCE(c.external_id, ''), c.password_hash, COALESCE(c.last_company_id, 0)`

// dest are the scan targets of columns.
func (c *Contact) dest() []any {
	return []any{&c.ID, &c.TenantID, &c.FirstName, &c.LastName, &c.Email, &c.Phone, &c.Language,
		&c.ExternalID, &c.PasswordHash, &c.LastCompanyID}
}

func scan(row interface{ Scan(...any) error }) (Contact, error) {
	var c Contact
	err := row.Scan(c.dest()...)
	return c, db.One(err)
}

// Get loads a contact of the tenant.
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Contact, error) {
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM contacts c WHERE c.tenant_id = ? AND c.id = ?`, tenantID, id))
}

// ByEmail loads a contact of the tenant by email address.
func ByEmail(ctx context.Context, q db.Querier, tenantID int64, email string) (Contact, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return Contact{}, db.ErrNotFound
	}
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM contacts c WHERE c.tenant_id = ? AND c.email = ?`, tenantID, email))
}

// ListParams selects one page of contacts.
type ListParams struct {
	Search    string
	CompanyID int64 // only members of this company when set
	// Access filters by portal access in any company: "portal" (invited or active),
	// "active", "invited", "expired", "revoked" or "none" (no login anywhere).
	Access        string
	ExpiredBefore int64 // invitations sent before this (unix) count as expired
	Offset        int
	Limit         int
}

// accessFilter is the SQL for ListParams.Access.
func accessFilter(p ListParams) (string, []any) {
	has := func(cond string) string {
		return ` AND EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND ` + cond + `)`
	}
	switch p.Access {
	case "portal":
		return has(`m.access IN ('invited', 'active')`), nil
	case AccessActive, AccessRevoked:
		return has(`m.access = ?`), []any{p.Access}
	case AccessInvited:
		return has(`m.access = 'invited' AND m.invited_at >= ?`), []any{p.ExpiredBefore}
	case "expired":
		return has(`m.access = 'invited' AND m.invited_at < ?`), []any{p.ExpiredBefore}
	case AccessNone:
		return ` AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND m.access IN ('invited', 'active'))`, nil
	}
	return "", nil
}

// List returns a page of the tenant's contacts by name and whether more follow; no
// total count, so it stays fast at any size.
func List(ctx context.Context, q db.Querier, tenantID int64, p ListParams) ([]Contact, bool, error) {
	// Erased contacts (own account deletion or an admin's erasure, see
	// access.DeletedEmail) are no one to look for: their page stays reachable from the
	// tickets and the audit log that name them.
	where, args := `c.tenant_id = ? AND c.email NOT LIKE '%@deleted.invalid'`, []any{tenantID}
	if strings.TrimSpace(validate.Clean(p.Search)) != "" {
		cond, more := db.SearchFilter(q.Engine(), "contacts", "c", validate.Clean(p.Search), tenantID)
		where += ` AND ` + cond
		args = append(args, more...)
	}
	if cond, more := accessFilter(p); cond != "" {
		where += cond
		args = append(args, more...)
	}
	if p.CompanyID > 0 {
		where += ` AND EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND m.company_id = ?)`
		args = append(args, p.CompanyID)
	}
	args = append(args, p.Limit+1, p.Offset)
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM contacts c WHERE `+where+
		` ORDER BY c.last_name, c.first_name, c.id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, false, fmt.Errorf("contact: list: %w", err)
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		c, err := scan(rows)
		if err != nil {
			return nil, false, err
		}
		out = append(out, c)
	}
	if len(out) > p.Limit {
		return out[:p.Limit], true, rows.Err()
	}
	return out, false, rows.Err()
}
