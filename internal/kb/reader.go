package kb

import (
	"context"
	"database/sql"
	"fmt"
	"html/template"
	"strconv"
	"time"

	"pforte/internal/db"
)

// Page is an article as a reader sees it: one translation, rendered.
type Page struct {
	Summary
	HTML      template.HTML
	Languages []string // every language the article is written in
}

// Read loads the article ref (an id or a slug) if the viewer may read it, in lang when
// it has that translation, else in the first of the viewer's Preferred languages it
// has. Page.Language says which; the page tells a reader who gets another language. A draft, another
// tenant's article or one restricted to other companies is db.ErrNotFound.
func Read(ctx context.Context, q db.Querier, v Viewer, ref, lang string) (Page, error) {
	var p Page
	cond, args := v.visible()
	by := `a.slug = ?`
	var key any = ref
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		by, key = `a.id = ?`, id
	} else if !ValidSlug(ref) { // never send what cannot be a slug (NUL bytes…) to the database
		return p, db.ErrNotFound
	}
	var cat sql.NullInt64
	var at int64
	err := q.QueryRow(ctx, `SELECT a.id, a.slug, a.category_id, COALESCE(c.name, ''), a.updated_at, a.views
		FROM kb_articles a LEFT JOIN kb_categories c ON c.id = a.category_id
		WHERE `+by+` AND `+cond, append([]any{key}, args...)...).
		Scan(&p.ID, &p.Slug, &cat, &p.CategoryName, &at, &p.Views)
	if err != nil {
		return p, db.One(err)
	}
	p.CategoryID, p.UpdatedAt = cat.Int64, time.Unix(at, 0)
	ts, err := translations(ctx, q, v.TenantID, p.ID)
	if err != nil {
		return p, err
	}
	if len(ts) == 0 {
		return p, db.ErrNotFound
	}
	a := Article{Translations: ts}
	t := v.pick(a, lang)
	p.Title, p.Language, p.HTML, p.Languages = t.Title, t.Language, Render(t.Body), a.Languages()
	return p, nil
}

// pick is the translation of a the viewer reads: lang when asked for and written, else
// the first of Preferred the article is written in, else its first.
func (v Viewer) pick(a Article, lang string) Translation {
	for _, want := range append([]string{lang}, v.Preferred()...) {
		for _, t := range a.Translations {
			if want != "" && t.Language == want {
				return t
			}
		}
	}
	return a.Translations[0]
}

// CountView adds one to an article's reads (for "most read").
func CountView(ctx context.Context, q db.Querier, tenantID, id int64) error {
	if _, err := q.Exec(ctx, `UPDATE kb_articles SET views = views + 1 WHERE tenant_id = ? AND id = ?`, tenantID, id); err != nil {
		return fmt.Errorf("kb: count view: %w", err)
	}
	return nil
}

// Order of a portal list.
const (
	ByLatest  = "latest"  // last changed first
	ByPopular = "popular" // most read first
	ByTitle   = "title"   // alphabetical (a category's page)
)

// Articles lists articles the viewer may read, in category (0: all, Uncategorised: those
// without one), in the given order, from offset; the bool tells whether more follow.
func Articles(ctx context.Context, q db.Querier, v Viewer, categoryID int64, order string, offset, limit int) ([]Summary, bool, error) {
	join, args := v.pickTranslation()
	cond, more := v.visible()
	args = append(args, more...)
	switch {
	case categoryID > 0:
		cond += ` AND a.category_id = ?`
		args = append(args, categoryID)
	case categoryID == Uncategorised:
		cond += ` AND a.category_id IS NULL`
	}
	sort := `a.updated_at DESC, a.id DESC`
	switch order {
	case ByPopular:
		sort = `a.views DESC, a.id DESC`
	case ByTitle:
		sort = `t.title, a.id`
	}
	rows, err := q.Query(ctx, `SELECT a.id, a.slug, t.title, t.language, COALESCE(a.category_id, 0), COALESCE(c.name, ''),
		a.updated_at, a.views FROM kb_articles a`+join+`LEFT JOIN kb_categories c ON c.id = a.category_id
		WHERE `+cond+` ORDER BY `+sort+` LIMIT ? OFFSET ?`, append(args, limit+1, offset)...)
	if err != nil {
		return nil, false, fmt.Errorf("kb: articles: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var s Summary
		var at int64
		if err := rows.Scan(&s.ID, &s.Slug, &s.Title, &s.Language, &s.CategoryID, &s.CategoryName, &at, &s.Views); err != nil {
			return nil, false, fmt.Errorf("kb: articles: %w", err)
		}
		s.UpdatedAt = time.Unix(at, 0)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if len(out) > limit {
		return out[:limit], true, nil
	}
	return out, false, nil
}
