package kb

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// refreshBatch is how many translations RefreshSearch reads at a time.
const refreshBatch = 500

// RefreshSearch rewrites the stored search words (search_title, search_body) of every
// translation whose words differ from what searchText makes of its title and text
// today, e.g. after the word splitting or folding changed (Thai marks, "wärme waerme").
// It runs at start: the words come from Go code, which a SQL migration cannot repeat
// identically on both engines. It is idempotent and writes only outdated rows, so a
// start after the first one only reads; a knowledge base holds thousands of texts.
// The index triggers (SQLite) and the generated search_tsv (PostgreSQL) follow.
func RefreshSearch(ctx context.Context, q db.Querier) (int, error) {
	type stale struct {
		id          int64
		title, body string
	}
	changed, after := 0, int64(0)
	for {
		rows, err := q.Query(ctx, `SELECT id, title, plain, search_title, search_body FROM kb_translations
			WHERE id > ? ORDER BY id LIMIT ?`, after, refreshBatch)
		if err != nil {
			return changed, fmt.Errorf("kb: refresh search words: %w", err)
		}
		var todo []stale
		n := 0
		for rows.Next() {
			var id int64
			var title, plain, st, sb string
			if err := rows.Scan(&id, &title, &plain, &st, &sb); err != nil {
				rows.Close()
				return changed, fmt.Errorf("kb: refresh search words: %w", err)
			}
			n, after = n+1, id
			if nt, nb := searchText(title), searchText(plain); nt != st || nb != sb {
				todo = append(todo, stale{id, nt, nb})
			}
		}
		err = rows.Err()
		rows.Close() // before writing: SQLite's readers are a bounded pool
		if err != nil {
			return changed, fmt.Errorf("kb: refresh search words: %w", err)
		}
		for _, s := range todo {
			if _, err := q.Exec(ctx, `UPDATE kb_translations SET search_title = ?, search_body = ? WHERE id = ?`,
				s.title, s.body, s.id); err != nil {
				return changed, fmt.Errorf("kb: refresh search words: %w", err)
			}
			changed++
		}
		if n < refreshBatch {
			return changed, nil
		}
	}
}
