package kb

import (
	"context"
	"database/sql"

	"pforte/internal/db"
	"pforte/internal/words"
)

// RefreshSearch rewrites the stored search words (search_title, search_body) of every
// translation whose words differ from what searchText makes of its title and text
// today, e.g. after the word splitting or folding changed (Thai marks, "wärme waerme").
// It runs at start once per Version (db.Refresh says why not in a migration); a
// knowledge base holds thousands of texts. The index triggers (SQLite) and the generated search_tsv
// (PostgreSQL) follow.
func RefreshSearch(ctx context.Context, q db.Querier) (int, error) {
	return db.Refresh{
		Name:    "kb_translations",
		Version: 1, // Thai and Hebrew marks inside words, spellings without umlauts
		Select:  `SELECT id, title, plain, search_title, search_body FROM kb_translations WHERE id > ? ORDER BY id LIMIT ?`,
		Update: `UPDATE kb_translations SET search_title = ?, search_body = ?
			WHERE id = ? AND search_title = ? AND search_body = ?`,
		Scan: func(rows *sql.Rows) (int64, []any, []any, error) {
			var id int64
			var title, plain, st, sb string
			if err := rows.Scan(&id, &title, &plain, &st, &sb); err != nil {
				return 0, nil, nil, err
			}
			if nt, nb := words.Text(title), words.Text(plain); nt != st || nb != sb {
				return id, []any{nt, nb}, []any{st, sb}, nil
			}
			return id, nil, nil, nil
		},
	}.Run(ctx, q)
}
