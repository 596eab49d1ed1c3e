package kb

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/words"
)

// Summary is an article in a portal list: search results, suggestions, a category's
// articles, the latest and the most read ones.
type Summary struct {
	ID           int64
	Slug         string
	Title        string
	Language     string
	CategoryID   int64
	CategoryName string
	UpdatedAt    time.Time
	Views        int64
	Snippet      template.HTML // search results only: escaped text with <mark>ed matches
}

// Href is the article's portal address.
func (s Summary) Href() string { return "/kb/articles/" + s.Slug }

// maxRows bounds the translations a search reads before grouping them by article.
const maxRows = 200

// Search finds up to limit articles the viewer may read whose title or text (in any of
// their languages) contains every word of text, a word's beginning being enough (so it
// works while someone types); when that finds too few, words standing inside longer
// words count too (searchInside). The best matches come first; each article appears once,
// in the viewer's language when that translation matched too. Both engines find the
// same articles: they index the same words (see words.Split).
func Search(ctx context.Context, q db.Querier, v Viewer, text string, limit int) ([]Summary, error) {
	ts := terms(text)
	if len(ts) == 0 || limit <= 0 {
		return nil, nil
	}
	cond, vargs := v.visible()
	var query string
	var args []any
	if q.Engine() == db.Postgres {
		query = `SELECT a.id, a.slug, t.title, t.language, COALESCE(a.category_id, 0), COALESCE(c.name, ''), a.updated_at,
			a.views, t.id
			FROM to_tsquery('simple', ?) qq, kb_translations t JOIN kb_articles a ON a.id = t.article_id
			LEFT JOIN kb_categories c ON c.id = a.category_id
			WHERE t.search_tsv @@ qq AND t.tenant_id = ? AND ` + cond + `
			ORDER BY ts_rank(t.search_tsv, qq) DESC, a.id LIMIT ?`
		args = append([]any{words.TSQuery(ts), v.TenantID}, vargs...)
	} else {
		query = `SELECT a.id, a.slug, t.title, t.language, COALESCE(a.category_id, 0), COALESCE(c.name, ''), a.updated_at,
			a.views, t.id
			FROM kb_search JOIN kb_translations t ON t.id = kb_search.rowid JOIN kb_articles a ON a.id = t.article_id
			LEFT JOIN kb_categories c ON c.id = a.category_id
			WHERE kb_search MATCH ? AND t.tenant_id = ? AND ` + cond + `
			ORDER BY bm25(kb_search, 5.0, 1.0, 5.0, 1.0), a.id LIMIT ?`
		args = append([]any{words.FTSQuery(ts), v.TenantID}, vargs...)
	}
	rows, err := q.Query(ctx, query, append(args, maxRows)...)
	if err != nil {
		return nil, fmt.Errorf("kb: search: %w", err)
	}
	defer rows.Close()
	var out []Summary
	pos, tids := map[int64]int{}, map[int64]int64{}
	for rows.Next() {
		var s Summary
		var at, tid int64
		if err := rows.Scan(&s.ID, &s.Slug, &s.Title, &s.Language, &s.CategoryID, &s.CategoryName, &at, &s.Views, &tid); err != nil {
			return nil, fmt.Errorf("kb: search: %w", err)
		}
		s.UpdatedAt = time.Unix(at, 0)
		out = v.keepTranslation(out, pos, tids, s, tid) // rows come best first
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close() // before the next query: SQLite's readers are a bounded pool
	out = out[:min(len(out), limit)]
	if err := wordSnippets(ctx, q, v.TenantID, ts, out, tids); err != nil {
		return nil, err
	}
	if len(out) < limit {
		return searchInside(ctx, q, v, ts, limit, out)
	}
	return out, nil
}

// keepTranslation is keepBest remembering in tids the translation (tid) each article
// kept, whose text gives its snippet once the page's results are known.
func (v Viewer) keepTranslation(out []Summary, pos map[int64]int, tids map[int64]int64, s Summary, tid int64) []Summary {
	out = v.keepBest(out, pos, s)
	if out[pos[s.ID]].Language == s.Language { // one translation per language
		tids[s.ID] = tid
	}
	return out
}

// keepBest adds s, a row of a ranked result, to out: an article keeps its best (first)
// place and the translation closest to the viewer's language.
func (v Viewer) keepBest(out []Summary, pos map[int64]int, s Summary) []Summary {
	if i, seen := pos[s.ID]; seen {
		if v.rank(s.Language) < v.rank(out[i].Language) {
			out[i] = s
		}
		return out
	}
	pos[s.ID] = len(out)
	return append(out, s)
}

// matchArticles is the condition (on article alias a) for articles of the tenant with a
// translation matching every term, in any state (back office search).
// Terms in a script written without spaces (Thai) match inside runs of letters too,
// like the portal's searchInside.
func matchArticles(e db.Engine, tenantID int64, ts []string) (string, []any) {
	cond, args := `a.id IN (SELECT t.article_id FROM kb_search JOIN kb_translations t ON t.id = kb_search.rowid
		WHERE kb_search MATCH ? AND t.tenant_id = ?)`, []any{words.FTSQuery(ts), tenantID}
	if e == db.Postgres {
		cond, args = `a.id IN (SELECT t.article_id FROM kb_translations t WHERE t.tenant_id = ?
			AND t.search_tsv @@ to_tsquery('simple', ?))`, []any{tenantID, words.TSQuery(ts)}
	}
	if !needsInside(ts) {
		return cond, args
	}
	where := make([]string, len(ts))
	args = append(args, tenantID)
	for i, t := range ts {
		where[i] = `(t.search_title || ' ' || t.search_body) LIKE ?`
		args = append(args, "%"+t+"%") // terms hold only letters, marks and digits: no LIKE wildcards
	}
	return `(` + cond + ` OR a.id IN (SELECT t.article_id FROM kb_translations t WHERE t.tenant_id = ? AND ` +
		strings.Join(where, " AND ") + `))`, args
}
