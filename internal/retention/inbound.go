package retention

import (
	"context"
	"fmt"
	"log/slog"

	"pforte/internal/db"
)

// dropRaw deletes the originals (.eml) of the tenant's incoming mail received before
// `before` and clears their keys; what the mail became (a ticket message, an inbox
// item, a refusal in the log of incoming mail) stays. An original an open inbox item
// still offers is kept until the item is dealt with. The keys are cleared first, so
// a file is deleted only once nothing points at it.
func (s Sweeper) dropRaw(ctx context.Context, tenantID, before int64) (int, error) {
	var held map[string]bool
	if s.OpenRaw != nil {
		var err error
		if held, err = s.OpenRaw(ctx, s.DB, tenantID); err != nil {
			return 0, fmt.Errorf("incoming mail: open inbox items: %w", err)
		}
	}
	n := 0
	for ctx.Err() == nil {
		type raw struct {
			id  int64
			key string
		}
		var due []raw
		seen := 0
		rows, err := s.DB.Query(ctx, `SELECT id, raw_key FROM inbound_mails WHERE tenant_id = ? AND raw_key <> ''
			AND received_at < ? ORDER BY received_at LIMIT ?`, tenantID, before, batch)
		if err != nil {
			return n, fmt.Errorf("incoming mail: %w", err)
		}
		for rows.Next() {
			var r raw
			if err := rows.Scan(&r.id, &r.key); err != nil {
				rows.Close()
				return n, fmt.Errorf("incoming mail: %w", err)
			}
			seen++
			if !held[r.key] {
				due = append(due, r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, fmt.Errorf("incoming mail: %w", err)
		}
		err = s.DB.InTx(ctx, func(tx *db.Tx) error {
			for _, r := range due {
				if _, err := tx.Exec(ctx, `UPDATE inbound_mails SET raw_key = '' WHERE tenant_id = ? AND id = ?`,
					tenantID, r.id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("incoming mail: %w", err)
		}
		n += len(due)
		for _, r := range due {
			if s.Files == nil {
				break
			}
			if err := s.Files.Delete(r.key); err != nil {
				slog.Warn("retention: delete original of incoming mail", "key", r.key, "err", err)
			}
		}
		// A batch of nothing but held originals would come back unchanged.
		if seen < batch || len(due) == 0 {
			break
		}
	}
	return n, ctx.Err()
}
