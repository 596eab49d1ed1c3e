package db

import (
	"context"
	"database/sql"
	"fmt"
)

// refreshBatch is how many rows a Refresh reads at a time.
const refreshBatch = 500

// Refresh rewrites a stored column that Go code derives from other columns (a search
// text) wherever it differs from what the code makes of it today, e.g. after a release
// changed how words are split or folded. Such a change cannot be a SQL migration: SQL on
// two engines would not repeat the Go code exactly. It walks the table by id in batches,
// closes each batch's rows before writing (SQLite's readers are a bounded pool) and
// writes only outdated rows, so running it again — at every start, by two instances at
// once — only reads. Each row's new text is computed from the row itself, so instances
// that race write the same thing.
type Refresh struct {
	What   string // names the table in errors: "kb: refresh search words"
	Select string // the rows after id ? by id, at most ? of them; id first
	Update string // sets the new values, the row's id as the last argument
	// Scan reads one row and returns its id and the values Update sets, or nil values
	// when the stored text is current.
	Scan func(rows *sql.Rows) (id int64, values []any, err error)
}

// Run refreshes every row and returns how many it changed.
func (r Refresh) Run(ctx context.Context, q Querier) (int, error) {
	type stale struct {
		id     int64
		values []any
	}
	changed, after := 0, int64(0)
	for {
		rows, err := q.Query(ctx, r.Select, after, refreshBatch)
		if err != nil {
			return changed, fmt.Errorf("%s: %w", r.What, err)
		}
		var todo []stale
		n := 0
		for rows.Next() {
			id, values, err := r.Scan(rows)
			if err != nil {
				rows.Close()
				return changed, fmt.Errorf("%s: %w", r.What, err)
			}
			n, after = n+1, id
			if values != nil {
				todo = append(todo, stale{id, values})
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return changed, fmt.Errorf("%s: %w", r.What, err)
		}
		for _, s := range todo {
			if _, err := q.Exec(ctx, r.Update, append(s.values, s.id)...); err != nil {
				return changed, fmt.Errorf("%s: %w", r.What, err)
			}
			changed++
		}
		if n < refreshBatch {
			return changed, nil
		}
	}
}
