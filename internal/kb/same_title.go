package kb

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// SameTitle is another article of the tenant with the same title in a language.
type SameTitle struct {
	Language  string
	ArticleID int64
	Title     string
}

// SameTitles lists the tenant's other articles whose title in some language equals one
// of articleID's titles in that language (ignoring case): readers who search or browse
// would not tell them apart. The slug stays unique by itself (FreeSlug), so this is
// only worth a warning, not a refusal.
func SameTitles(ctx context.Context, q db.Querier, tenantID, articleID int64) ([]SameTitle, error) {
	rows, err := q.Query(ctx, `SELECT o.language, o.article_id, o.title FROM kb_translations t
		JOIN kb_translations o ON o.tenant_id = t.tenant_id AND o.language = t.language
			AND LOWER(o.title) = LOWER(t.title) AND o.article_id <> t.article_id
		WHERE t.tenant_id = ? AND t.article_id = ?
		ORDER BY o.language, o.article_id`, tenantID, articleID)
	if err != nil {
		return nil, fmt.Errorf("kb: same titles: %w", err)
	}
	defer rows.Close()
	var out []SameTitle
	for rows.Next() {
		var s SameTitle
		if err := rows.Scan(&s.Language, &s.ArticleID, &s.Title); err != nil {
			return nil, fmt.Errorf("kb: same titles: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
