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
	// Each batch starts after the last row the one before read, held or not: held
	// originals stay in the index, and a pass that began at the oldest again would never
	// get past a batch of nothing but held ones (deleteOld says why it also saves time).
	var fromAt, fromID int64
	for ctx.Err() == nil {
		type raw struct {
			id  int64
			key string
		}
		var due []raw
		seen := 0
		rows, err := s.DB.Query(ctx, `SELECT id, raw_key, received_at FROM inbound_mails WHERE tenant_id = ? AND raw_key <> ''
			AND received_at >= ? AND received_at < ? AND NOT (received_at = ? AND id <= ?)
			ORDER BY received_at, id LIMIT ?`, tenantID, fromAt, before, fromAt, fromID, batch)
		if err != nil {
			return n, fmt.Errorf("incoming mail: %w", err)
		}
		for rows.Next() {
			var r raw
			if err := rows.Scan(&r.id, &r.key, &fromAt); err != nil {
				rows.Close()
				return n, fmt.Errorf("incoming mail: %w", err)
			}
			fromID = r.id
			seen++
			if !held[r.key] {
				due = append(due, r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, fmt.Errorf("incoming mail: %w", err)
		}
		var gone []string
		err = s.DB.InTx(ctx, func(tx *db.Tx) error {
			gone = nil
			for _, r := range due {
				// Only what this pass cleared is counted and deleted: another instance's
				// pass, or an erasure, may have cleared the key meanwhile.
				res, err := tx.Exec(ctx, `UPDATE inbound_mails SET raw_key = '' WHERE tenant_id = ? AND id = ? AND raw_key = ?`,
					tenantID, r.id, r.key)
				if err != nil {
					return err
				}
				if c, _ := res.RowsAffected(); c == 1 {
					gone = append(gone, r.key)
				}
			}
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("incoming mail: %w", err)
		}
		n += len(gone)
		for _, key := range gone {
			if s.Files == nil {
				break
			}
			if err := s.Files.Delete(key); err != nil {
				slog.Warn("retention: delete original of incoming mail", "key", key, "err", err)
			}
		}
		if seen < batch {
			break
		}
	}
	return n, ctx.Err()
}
