package company

import (
	"context"
	"strings"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// ByName finds a company of the tenant named exactly name (spaces around it aside):
// staff creating "Müller GmbH" a second time are most likely looking for the first one.
// db.ErrNotFound when there is none. The comparison is exact rather than case-blind,
// because SQLite's LOWER folds only ASCII and both engines must agree.
func ByName(ctx context.Context, q db.Querier, tenantID int64, name string) (Company, error) {
	name = strings.TrimSpace(validate.Clean(name))
	if name == "" {
		return Company{}, db.ErrNotFound
	}
	return scan(q.QueryRow(ctx, `SELECT `+columns+` FROM companies c WHERE c.tenant_id = ? AND c.name = ?
		ORDER BY c.id LIMIT 1`, tenantID, name))
}
