package session

import (
	"context"

	"pforte/internal/db"
)

// EndForCompany ends every contact session acting for companyID (staff previews of it
// included): used when the company is archived, so nobody keeps working in it.
func EndForCompany(ctx context.Context, q db.Querier, tenantID, companyID int64) error {
	_, err := q.Exec(ctx, `DELETE FROM sessions WHERE tenant_id = ? AND company_id = ? AND contact_id IS NOT NULL`,
		tenantID, companyID)
	return err
}
