package db

import (
	"context"
	"database/sql"
	"fmt"
)

// refreshBatch is how many rows a Refresh reads at a time.
const refreshBatch = 500

// Refresh rewrites a stored column that Go code derives from other columns (a search
// text) wherever it differs from what the code makes of it today, after a release
// changed how words are split or folded. Such a change cannot be a SQL migration: SQL on
// two engines would not repeat the Go code exactly. The release raises Version; a start
// whose Version the table search_refreshed already records reads nothing (a large
// knowledge base would cost seconds of CPU on every start). Otherwise it walks the
// table by id in batches, closes each batch's rows before writing (SQLite's readers are
// a bounded pool) and writes only outdated rows, each only if it still holds what was
// read: a text saved meanwhile by a running instance, with the new code's text, is not
// overwritten by one computed from the older row. Two instances may run it at once;
// they compute the same texts.
type Refresh struct {
	Name    string // the row in search_refreshed: "kb_translations"
	Version int64  // raise it whenever the Go code makes the text differently
	Select  string // the rows after id ? by id, at most ? of them; id first
	// Update sets the new values where the id and the old values match: "UPDATE t SET
	// search = ? WHERE id = ? AND search = ?".
	Update string
	// Scan reads one row and returns its id, the values Update sets (nil when the stored
	// text is current) and the stored values it checks.
	Scan func(rows *sql.Rows) (id int64, set, was []any, err error)
}

// Run refreshes every row unless this version was done, records the version and
// returns how many rows it changed.
func (r Refresh) Run(ctx context.Context, q Querier) (int, error) {
	var done int64
	err := q.QueryRow(ctx, `SELECT version FROM search_refreshed WHERE name = ?`, r.Name).Scan(&done)
	if err != nil && err != sql.ErrNoRows {
		return 0, fmt.Errorf("refresh %s: %w", r.Name, err)
	}
	if done >= r.Version {
		return 0, nil
	}
	changed, err := r.rewrite(ctx, q)
	if err != nil {
		return changed, fmt.Errorf("refresh %s: %w", r.Name, err)
	}
	if _, err := q.Exec(ctx, `INSERT INTO search_refreshed (name, version) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version`, r.Name, r.Version); err != nil {
		return changed, fmt.Errorf("refresh %s: %w", r.Name, err)
	}
	return changed, nil
}

// rewrite is Run's walk over the table.
func (r Refresh) rewrite(ctx context.Context, q Querier) (int, error) {
	type stale struct {
		id       int64
		set, was []any
	}
	changed, after := 0, int64(0)
	for {
		rows, err := q.Query(ctx, r.Select, after, refreshBatch)
		if err != nil {
			return changed, err
		}
		var todo []stale
		n := 0
		for rows.Next() {
			id, set, was, err := r.Scan(rows)
			if err != nil {
				rows.Close()
				return changed, err
			}
			n, after = n+1, id
			if set != nil {
				todo = append(todo, stale{id, set, was})
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return changed, err
		}
		for _, s := range todo {
			res, err := q.Exec(ctx, r.Update, append(append(s.set, s.id), s.was...)...)
			if err != nil {
				return changed, err
			}
			if k, err := res.RowsAffected(); err == nil {
				changed += int(k)
			}
		}
		if n < refreshBatch {
			return changed, nil
		}
	}
}
