package download

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// refreshBatch is how many files RefreshSearch reads at a time.
const refreshBatch = 500

// RefreshSearch rewrites the search text of every file whose stored text differs from
// what searchText makes of it today (the folded spellings were added later). It runs
// at start, since the text comes from Go code a SQL migration cannot repeat; it is
// idempotent and writes only outdated rows.
func RefreshSearch(ctx context.Context, q db.Querier) (int, error) {
	type stale struct {
		id     int64
		search string
	}
	changed, after := 0, int64(0)
	for {
		rows, err := q.Query(ctx, `SELECT f.id, f.title, f.description, COALESCE(v.original_name, ''), f.search`+
			fileFrom+`WHERE f.id > ? ORDER BY f.id LIMIT ?`, after, refreshBatch)
		if err != nil {
			return changed, fmt.Errorf("download: refresh search text: %w", err)
		}
		var todo []stale
		n := 0
		for rows.Next() {
			var id int64
			var title, description, name, search string
			if err := rows.Scan(&id, &title, &description, &name, &search); err != nil {
				rows.Close()
				return changed, fmt.Errorf("download: refresh search text: %w", err)
			}
			n, after = n+1, id
			if s := searchText(title, description, name); s != search {
				todo = append(todo, stale{id, s})
			}
		}
		err = rows.Err()
		rows.Close() // before writing: SQLite's readers are a bounded pool
		if err != nil {
			return changed, fmt.Errorf("download: refresh search text: %w", err)
		}
		for _, s := range todo {
			if _, err := q.Exec(ctx, `UPDATE download_files SET search = ? WHERE id = ?`, s.search, s.id); err != nil {
				return changed, fmt.Errorf("download: refresh search text: %w", err)
			}
			changed++
		}
		if n < refreshBatch {
			return changed, nil
		}
	}
}
