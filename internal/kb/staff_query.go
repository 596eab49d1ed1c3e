package kb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Get loads an article of the tenant with all its translations (back office).
func Get(ctx context.Context, q db.Querier, tenantID, id int64) (Article, error) {
	var a Article
	var cat, author sql.NullInt64
	var published sql.NullInt64
	var created, updated int64
	err := q.QueryRow(ctx, `SELECT a.id, a.tenant_id, a.category_id, COALESCE(c.name, ''), a.slug, a.status,
		a.visibility, a.author_staff_id, COALESCE(s.name, ''), a.views, a.published_at, a.created_at, a.updated_at
		FROM kb_articles a LEFT JOIN kb_categories c ON c.id = a.category_id LEFT JOIN staff s ON s.id = a.author_staff_id
		WHERE a.tenant_id = ? AND a.id = ?`, tenantID, id).Scan(&a.ID, &a.TenantID, &cat, &a.CategoryName, &a.Slug,
		&a.Status, &a.Visibility, &author, &a.AuthorName, &a.Views, &published, &created, &updated)
	if err != nil {
		return a, db.One(err)
	}
	a.CategoryID, a.AuthorID = cat.Int64, author.Int64
	if published.Valid {
		a.PublishedAt = time.Unix(published.Int64, 0)
	}
	a.CreatedAt, a.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	a.Translations, err = translations(ctx, q, tenantID, id)
	return a, err
}

func translations(ctx context.Context, q db.Querier, tenantID, articleID int64) ([]Translation, error) {
	rows, err := q.Query(ctx, `SELECT id, language, title, body, updated_at FROM kb_translations
		WHERE tenant_id = ? AND article_id = ? ORDER BY language`, tenantID, articleID)
	if err != nil {
		return nil, fmt.Errorf("kb: translations: %w", err)
	}
	defer rows.Close()
	var out []Translation
	for rows.Next() {
		var t Translation
		var at int64
		if err := rows.Scan(&t.ID, &t.Language, &t.Title, &t.Body, &at); err != nil {
			return nil, fmt.Errorf("kb: translations: %w", err)
		}
		t.UpdatedAt = time.Unix(at, 0)
		out = append(out, t)
	}
	return out, rows.Err()
}

// Filter selects articles for the back office's list.
type Filter struct {
	Status     string // "" for all
	CategoryID int64  // 0 for all
	Language   string // "" for all: articles with a translation in this language
	Search     string // words in title or text of any translation
	Lang       string // the staff member's language, for the titles shown
	Fallback   string // the tenant's default language
	Offset     int
	Limit      int
}

// Row is one line of the back office's article list.
type Row struct {
	ID           int64
	Slug         string
	Title        string
	Languages    []string
	Status       string
	Visibility   string
	CategoryName string
	Views        int64
	Votes        Votes // answers to "Was this article helpful?"
	UpdatedAt    time.Time
}

// List returns a page of the tenant's articles, last changed first, and whether more
// follow (one row more is read instead of counting all).
func List(ctx context.Context, q db.Querier, tenantID int64, f Filter) ([]Row, bool, error) {
	v := Viewer{TenantID: tenantID, Lang: f.Lang, Fallback: f.Fallback}
	join, args := v.pickTranslation()
	where := `a.tenant_id = ?`
	args = append(args, tenantID)
	if f.Status != "" {
		where += ` AND a.status = ?`
		args = append(args, f.Status)
	}
	if f.CategoryID > 0 {
		where += ` AND a.category_id = ?`
		args = append(args, f.CategoryID)
	}
	if f.Language != "" {
		where += ` AND EXISTS (SELECT 1 FROM kb_translations tl WHERE tl.article_id = a.id AND tl.language = ?)`
		args = append(args, f.Language)
	}
	if ts := terms(f.Search); len(ts) > 0 {
		cond, more := matchArticles(q.Engine(), tenantID, ts)
		where += ` AND ` + cond
		args = append(args, more...)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	args = append(args, f.Limit+1, f.Offset)
	rows, err := q.Query(ctx, `SELECT a.id, a.slug, t.title, a.status, a.visibility, COALESCE(c.name, ''), a.views,
		a.updated_at FROM kb_articles a`+join+`LEFT JOIN kb_categories c ON c.id = a.category_id
		WHERE `+where+` ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, false, fmt.Errorf("kb: list: %w", err)
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		var at int64
		if err := rows.Scan(&r.ID, &r.Slug, &r.Title, &r.Status, &r.Visibility, &r.CategoryName, &r.Views, &at); err != nil {
			return nil, false, fmt.Errorf("kb: list: %w", err)
		}
		r.UpdatedAt = time.Unix(at, 0)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	more := len(out) > f.Limit
	if more {
		out = out[:f.Limit]
	}
	if err := languagesOf(ctx, q, tenantID, out); err != nil {
		return nil, false, err
	}
	return out, more, votesOf(ctx, q, tenantID, out)
}

// languagesOf fills in the languages of the listed articles with one query.
func languagesOf(ctx context.Context, q db.Querier, tenantID int64, list []Row) error {
	if len(list) == 0 {
		return nil
	}
	idx := map[int64]int{}
	args := []any{tenantID}
	for i, r := range list {
		idx[r.ID] = i
		args = append(args, r.ID)
	}
	rows, err := q.Query(ctx, `SELECT article_id, language FROM kb_translations WHERE tenant_id = ? AND article_id IN (`+
		db.Marks(len(list))+`) ORDER BY language`, args...)
	if err != nil {
		return fmt.Errorf("kb: languages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var lang string
		if err := rows.Scan(&id, &lang); err != nil {
			return fmt.Errorf("kb: languages: %w", err)
		}
		list[idx[id]].Languages = append(list[idx[id]].Languages, lang)
	}
	return rows.Err()
}
