package retention

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
)

// purgeMail empties the tenant's mails created before `before` that are out of the
// queue (sent, failed or cancelled): their text and HTML, and the .eml file the file
// sender kept. The row stays — recipient, subject, Message-ID, state, times — so the
// outbox still says what went to whom when, and an answer quoting the Message-ID
// still finds its ticket. A queued mail keeps its content until it is out. The
// files go once the rows say they are gone.
func (s Sweeper) purgeMail(ctx context.Context, tenantID, before int64, now time.Time) (int, error) {
	n := 0
	var from int64 // where the next batch starts (deleteOld says why)
	for ctx.Err() == nil {
		var ids []int64
		paths := map[int64]string{}
		rows, err := s.DB.Query(ctx, `SELECT id, stored_path, created_at FROM mails WHERE tenant_id = ? AND purged_at = 0
			AND created_at >= ? AND created_at < ? AND state <> 'queued' ORDER BY created_at LIMIT ?`, tenantID, from, before, batch)
		if err != nil {
			return n, fmt.Errorf("sent mail: %w", err)
		}
		for rows.Next() {
			var id int64
			var p string
			if err := rows.Scan(&id, &p, &from); err != nil {
				rows.Close()
				return n, fmt.Errorf("sent mail: %w", err)
			}
			ids = append(ids, id)
			if mail.StoredFile(p) {
				paths[id] = p
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, fmt.Errorf("sent mail: %w", err)
		}
		var gone []string
		k := 0
		err = s.DB.InTx(ctx, func(tx *db.Tx) error {
			gone, k = nil, 0
			for _, id := range ids {
				// Not if a retry queued it again since it was read, nor twice when another
				// instance's pass got there first: only what this one emptied is counted,
				// and only its file deleted.
				res, err := tx.Exec(ctx, `UPDATE mails SET text_body = '', html_body = '', purged_at = ?,
					stored_path = CASE WHEN stored_path = ? THEN stored_path ELSE '' END
					WHERE tenant_id = ? AND id = ? AND purged_at = 0 AND state <> 'queued'`, now.Unix(), mail.StoredSMTP, tenantID, id)
				if err != nil {
					return err
				}
				if c, _ := res.RowsAffected(); c == 1 {
					k++
					if p, ok := paths[id]; ok {
						gone = append(gone, p)
					}
				}
			}
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("sent mail: %w", err)
		}
		n += k
		mail.RemoveStored(gone, "retention: delete stored mail")
		if len(ids) < batch {
			break
		}
	}
	return n, ctx.Err()
}
