package twofactor

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// CompanyRequires reports whether a company requires two factors of all its contacts.
func CompanyRequires(ctx context.Context, q db.Querier, tenantID, companyID int64) (bool, error) {
	var on bool
	err := q.QueryRow(ctx, `SELECT require_two_factor FROM companies WHERE tenant_id = ? AND id = ?`, tenantID, companyID).Scan(&on)
	return on, db.One(err)
}

// SetCompanyRequires switches the company's requirement.
func SetCompanyRequires(ctx context.Context, q db.Querier, tenantID, companyID int64, on bool) error {
	res, err := q.Exec(ctx, `UPDATE companies SET require_two_factor = ? WHERE tenant_id = ? AND id = ?`, on, tenantID, companyID)
	if err != nil {
		return fmt.Errorf("twofactor: company setting: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return db.ErrNotFound
	}
	return nil
}

// SetupNeeded reports whether the contact must set up a second factor before using the
// portal for companyID: the company requires it and the contact has none switched on.
func SetupNeeded(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM companies c WHERE c.tenant_id = ? AND c.id = ? AND c.require_two_factor
		AND NOT EXISTS (SELECT 1 FROM contact_totp t WHERE t.contact_id = ? AND t.tenant_id = c.tenant_id
		AND t.enabled_at IS NOT NULL)`, tenantID, companyID, contactID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("twofactor: setup needed: %w", err)
	}
	return n > 0, nil
}

// RequiringCompany returns the name of a company with active access for the contact
// that requires two factors, or "" when none does; archived companies give no access.
func RequiringCompany(ctx context.Context, q db.Querier, tenantID, contactID int64) (string, error) {
	var name string
	err := q.QueryRow(ctx, `SELECT c.name FROM memberships m JOIN companies c ON c.id = m.company_id
		WHERE m.tenant_id = ? AND m.contact_id = ? AND m.access = 'active' AND c.require_two_factor
		AND c.archived_at IS NULL ORDER BY c.name LIMIT 1`, tenantID, contactID).Scan(&name)
	if db.One(err) == db.ErrNotFound {
		return "", nil
	}
	return name, err
}
