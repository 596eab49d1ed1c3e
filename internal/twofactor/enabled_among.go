package twofactor

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// amongChunk bounds the ids of one query: far below either engine's limit of bound
// parameters, and a company's whole list in one query in all but the largest.
const amongChunk = 500

// EnabledAmong returns which of the given owners of the tenant have TOTP switched on.
// A page of a few dozen people asks this, not EnabledIDs: the tables have no index
// on tenant_id, and EnabledIDs reads every enabled owner of the tenant, while this
// looks each id up by its primary key.
func (o Owner) EnabledAmong(ctx context.Context, q db.Querier, tenantID int64, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	for len(ids) > 0 {
		part := ids[:min(len(ids), amongChunk)]
		ids = ids[len(part):]
		args := make([]any, 0, len(part)+1)
		args = append(args, tenantID)
		for _, id := range part {
			args = append(args, id)
		}
		rows, err := q.Query(ctx, `SELECT `+o.col+` FROM `+o.totp+` WHERE tenant_id = ? AND enabled_at IS NOT NULL
			AND `+o.col+` IN (`+db.Marks(len(part))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("twofactor: enabled among: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
