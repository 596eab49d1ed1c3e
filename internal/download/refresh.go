package download

import (
	"context"
	"database/sql"

	"pforte/internal/db"
)

// RefreshSearch rewrites the search text of every file whose stored text differs from
// what searchText makes of it today (the folded spellings were added later). It runs
// at start once per Version (db.Refresh says why not in a migration).
func RefreshSearch(ctx context.Context, q db.Querier) (int, error) {
	return db.Refresh{
		Name:    "download_files",
		Version: 1, // spellings without umlauts
		Select: `SELECT f.id, f.title, f.description, COALESCE(v.original_name, ''), f.search` +
			fileFrom + `WHERE f.id > ? ORDER BY f.id LIMIT ?`,
		Update: `UPDATE download_files SET search = ? WHERE id = ? AND search = ?`,
		Scan: func(rows *sql.Rows) (int64, []any, []any, error) {
			var id int64
			var title, description, name, search string
			if err := rows.Scan(&id, &title, &description, &name, &search); err != nil {
				return 0, nil, nil, err
			}
			if s := searchText(title, description, name); s != search {
				return id, []any{s}, []any{search}, nil
			}
			return id, nil, nil, nil
		},
	}.Run(ctx, q)
}
