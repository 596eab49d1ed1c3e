package company

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// ByName finds a company of the tenant named name (spaces around it and case aside):
// staff creating "Müller GmbH" a second time, or typing "müller gmbh", are most likely
// looking for the first one. db.ErrNotFound when there is none.
func ByName(ctx context.Context, q db.Querier, tenantID int64, name string) (Company, error) {
	return SameName(ctx, q, tenantID, name, 0)
}

// SameName is ByName leaving out the company exceptID (a company being renamed is not
// its own namesake). The comparison lowers case in Go (Unicode), not in SQL, because
// SQLite's LOWER folds only ASCII and both engines must agree; the lowered search
// text, which starts with the lowered name, narrows the candidates first.
func SameName(ctx context.Context, q db.Querier, tenantID int64, name string, exceptID int64) (Company, error) {
	key := strings.ToLower(validate.Line(validate.Clean(name)))
	if key == "" {
		return Company{}, db.ErrNotFound
	}
	list, err := scanAll(q.Query(ctx, `SELECT `+columns+` FROM companies c WHERE c.tenant_id = ? AND c.id <> ?
		AND c.search LIKE ? ESCAPE '\' ORDER BY c.id`, tenantID, exceptID, db.LikeEscape(key)+"%"))
	if err != nil {
		return Company{}, fmt.Errorf("company: same name: %w", err)
	}
	for _, c := range list {
		if strings.ToLower(c.Name) == key {
			return c, nil
		}
	}
	return Company{}, db.ErrNotFound
}
