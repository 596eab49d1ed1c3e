package inbox

import (
	"context"
	"encoding/json"
	"fmt"

	"pforte/internal/db"
)

// SetPayload replaces an item's payload, e.g. to record what a mail became.
func SetPayload(ctx context.Context, q db.Querier, tenantID, id int64, payload any) error {
	raw, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("inbox: payload: %w", err)
	}
	if _, err := q.Exec(ctx, `UPDATE inbox_items SET payload = ? WHERE tenant_id = ? AND id = ?`, string(raw), tenantID, id); err != nil {
		return fmt.Errorf("inbox: payload of %d: %w", id, err)
	}
	return nil
}
