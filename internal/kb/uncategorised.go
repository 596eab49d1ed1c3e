package kb

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// Uncategorised stands, where Articles takes a category, for the articles without one:
// written without a category, or left by a category staff deleted (its articles stay).
// The portal lists them as "Other articles", or readers could reach them only by
// search and the start page's short lists.
const Uncategorised int64 = -1

// UncategorisedCount counts the articles without a category the viewer may read.
func UncategorisedCount(ctx context.Context, q db.Querier, v Viewer) (int, error) {
	cond, args := v.visible()
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM kb_articles a WHERE `+cond+` AND a.category_id IS NULL`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("kb: uncategorised: %w", err)
	}
	return n, nil
}
