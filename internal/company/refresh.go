package company

import (
	"context"
	"database/sql"
	"fmt"

	"pforte/internal/db"
)

// refreshBatch is how many companies RefreshSearch reads at a time.
const refreshBatch = 500

// RefreshSearch rewrites the search text of every company whose stored text differs
// from what Company.search makes of it today (the spellings without umlauts and
// accents were added later). It runs at start, since the text comes from Go code a SQL
// migration cannot repeat; it is idempotent and writes only outdated rows.
func RefreshSearch(ctx context.Context, q db.Querier) (int, error) {
	type stale struct {
		id     int64
		search string
	}
	changed, after := 0, int64(0)
	for {
		rows, err := q.Query(ctx, `SELECT id, name, customer_number, email_domains, city, external_id, search
			FROM companies WHERE id > ? ORDER BY id LIMIT ?`, after, refreshBatch)
		if err != nil {
			return changed, fmt.Errorf("company: refresh search text: %w", err)
		}
		var todo []stale
		n := 0
		for rows.Next() {
			var c Company
			var ext sql.NullString
			var search string
			if err := rows.Scan(&c.ID, &c.Name, &c.CustomerNumber, &c.EmailDomains, &c.City, &ext, &search); err != nil {
				rows.Close()
				return changed, fmt.Errorf("company: refresh search text: %w", err)
			}
			c.ExternalID = ext.String
			n, after = n+1, c.ID
			if s := c.search(); s != search {
				todo = append(todo, stale{c.ID, s})
			}
		}
		err = rows.Err()
		rows.Close() // before writing: SQLite's readers are a bounded pool
		if err != nil {
			return changed, fmt.Errorf("company: refresh search text: %w", err)
		}
		for _, s := range todo {
			if _, err := q.Exec(ctx, `UPDATE companies SET search = ? WHERE id = ?`, s.search, s.id); err != nil {
				return changed, fmt.Errorf("company: refresh search text: %w", err)
			}
			changed++
		}
		if n < refreshBatch {
			return changed, nil
		}
	}
}
