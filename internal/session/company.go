package session

import (
	"context"

	"pforte/internal/db"
)

// EndForCompany ends every contact session acting for companyID (staff previews of it
// included): used when the company is archived, so nobody keeps working in it.
//
// Sessions have no index on company_id; the sessions of the company's members (index
// sessions_contact, through memberships_company) are few, while a filter on company_id
// alone scans every tenant's sessions holding SQLite's write lock.
func EndForCompany(ctx context.Context, q db.Querier, tenantID, companyID int64) error {
	_, err := q.Exec(ctx, `DELETE FROM sessions WHERE contact_id IN
			(SELECT contact_id FROM memberships WHERE tenant_id = ? AND company_id = ?)
		AND tenant_id = ? AND company_id = ?`,
		tenantID, companyID, tenantID, companyID)
	return err
}
