package inbox

import (
	"context"
	"encoding/json"
	"fmt"

	"pforte/internal/db"
)

// OpenMailKeys returns the originals (.eml keys) of incoming mail that the tenant's
// open mail items offer for download, their earlier turns' included: the retention
// rules keep them until staff have dealt with the item.
func OpenMailKeys(ctx context.Context, q db.Querier, tenantID int64) (map[string]bool, error) {
	rows, err := q.Query(ctx, `SELECT payload FROM inbox_items WHERE tenant_id = ? AND kind = ? AND state = ?`,
		tenantID, KindMail, StateOpen)
	if err != nil {
		return nil, fmt.Errorf("inbox: open mail: %w", err)
	}
	defer rows.Close()
	keys := map[string]bool{}
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			return nil, fmt.Errorf("inbox: open mail: %w", err)
		}
		var p MailPayload
		if err := json.Unmarshal([]byte(raw), &p); err != nil {
			return nil, fmt.Errorf("inbox: open mail payload: %w", err)
		}
		keys[p.RawKey] = true
		for _, t := range p.Earlier {
			keys[t.RawKey] = true
		}
	}
	return keys, rows.Err()
}
