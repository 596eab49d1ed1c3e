package twofactor

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// FreshRecoveryHashes returns the hashes of the owner's recovery codes when they were
// made at or after since and none of them has been used; nil otherwise. The recovery
// codes page offers its codes as a file only while they are this new: the file is
// made from the codes the page posts back, which the server never keeps readable.
func (o Owner) FreshRecoveryHashes(ctx context.Context, q db.Querier, tenantID, id int64, since time.Time) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT hash, created_at, used_at FROM `+o.codes+`
		WHERE tenant_id = ? AND `+o.col+` = ?`, tenantID, id)
	if err != nil {
		return nil, fmt.Errorf("twofactor: recovery codes: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		var created int64
		var used *int64
		if err := rows.Scan(&h, &created, &used); err != nil {
			return nil, fmt.Errorf("twofactor: recovery codes: %w", err)
		}
		if used != nil || created < since.Unix() {
			return nil, rows.Err()
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
