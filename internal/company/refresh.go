package company

import (
	"context"
	"database/sql"

	"pforte/internal/db"
)

// RefreshSearch rewrites the search text of every company whose stored text differs
// from what Company.search makes of it today (the spellings without umlauts and
// accents were added later). It runs at start once per Version (db.Refresh says why
// not in a migration); 10,000 companies are read in 20 batches.
func RefreshSearch(ctx context.Context, q db.Querier) (int, error) {
	return db.Refresh{
		Name:    "companies",
		Version: 2, // 1: spellings without umlauts and accents; 2: Thai, Hebrew, Arabic, Indic marks kept (db.Unaccent)
		Select: `SELECT id, name, customer_number, email_domains, city, external_id, search
			FROM companies WHERE id > ? ORDER BY id LIMIT ?`,
		Update: `UPDATE companies SET search = ? WHERE id = ? AND search = ?`,
		Scan: func(rows *sql.Rows) (int64, []any, []any, error) {
			var c Company
			var ext sql.NullString
			var search string
			if err := rows.Scan(&c.ID, &c.Name, &c.CustomerNumber, &c.EmailDomains, &c.City, &ext, &search); err != nil {
				return 0, nil, nil, err
			}
			c.ExternalID = ext.String
			if s := c.search(); s != search {
				return c.ID, []any{s}, []any{search}, nil
			}
			return c.ID, nil, nil, nil
		},
	}.Run(ctx, q)
}
