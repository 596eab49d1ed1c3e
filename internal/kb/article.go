package kb

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/validate"
	"pforte/internal/words"
)

// Meta is what staff set for an article as a whole, beside its texts.
type Meta struct {
	CategoryID int64 // 0: none; below 0: a choice that names no category, refused
	Slug       string
	Status     string
	Visibility string
}

// ErrLastTranslation refuses to delete an article's only translation.
var ErrLastTranslation = errors.New("kb: an article keeps at least one translation")

// normalize trims the fields and lower-cases the slug.
func (m *Meta) normalize() {
	m.Slug = strings.ToLower(strings.TrimSpace(m.Slug))
}

// check validates m; the category must be one of the tenant's.
func (m Meta) check(ctx context.Context, q db.Querier, tenantID int64, e validate.Errors) error {
	if !ValidSlug(m.Slug) {
		e.Add("slug", "kb_admin.error.slug", map[string]any{"Max": MaxSlug})
	}
	if !slices.Contains(Statuses, m.Status) {
		e.Add("status", "error.choose_listed", nil) // only a hand-made request sends another
	}
	if !slices.Contains(Visibilities, m.Visibility) {
		e.Add("visibility", "error.choose_listed", nil)
	}
	if m.CategoryID < 0 {
		e.Add("category_id", "kb_admin.error.category", nil)
	} else if m.CategoryID > 0 {
		if _, err := GetCategory(ctx, q, tenantID, m.CategoryID); errors.Is(err, db.ErrNotFound) {
			e.Add("category_id", "kb_admin.error.category", nil)
		} else if err != nil {
			return err
		}
	}
	return nil
}

// checkTranslation validates a translation's language, title and body.
func checkTranslation(t Translation, e validate.Errors) {
	if !i18n.Supported(t.Language) {
		e.Add("language", "kb_admin.error.language", nil)
	}
	e.Text("title", t.Title, true, MaxTitle)
	e.MaxLen("body", t.Body, MaxBody)
}

// normalizeTranslation trims the title and unifies line ends of the body.
func normalizeTranslation(t *Translation) {
	t.Title = strings.TrimSpace(t.Title)
	t.Body = strings.TrimSpace(strings.ReplaceAll(t.Body, "\r\n", "\n"))
}

// nullID stores 0 as NULL (no category, no author).
func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

// Create validates and stores a new article with its first translation. An empty slug
// is made from the title.
func Create(ctx context.Context, q db.Querier, tenantID, staffID int64, m Meta, t Translation, now time.Time) (int64, error) {
	normalizeTranslation(&t)
	m.normalize()
	if m.Slug == "" {
		slug, err := FreeSlug(ctx, q, tenantID, 0, t.Title)
		if err != nil {
			return 0, err
		}
		m.Slug = slug
	}
	e := validate.Errors{}
	checkTranslation(t, e)
	if err := m.check(ctx, q, tenantID, e); err != nil {
		return 0, err
	}
	if e.Any() {
		return 0, e
	}
	var published any
	if m.Status == StatusPublished {
		published = now.Unix()
	}
	id, err := db.Insert(ctx, q, `INSERT INTO kb_articles (tenant_id, category_id, slug, status, visibility,
		author_staff_id, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		tenantID, nullID(m.CategoryID), m.Slug, m.Status, m.Visibility, nullID(staffID), published, now.Unix(), now.Unix())
	if db.IsUnique(err) {
		return 0, validate.Errors{"slug": {ID: "error.taken"}}
	}
	if err != nil {
		return 0, fmt.Errorf("kb: create article: %w", err)
	}
	if err := dropFormerSlug(ctx, q, tenantID, m.Slug); err != nil {
		return 0, err
	}
	return id, putTranslation(ctx, q, tenantID, id, t, now)
}

// Update validates and saves an article's meta data. Publishing a draft stamps the
// time of publication.
func Update(ctx context.Context, q db.Querier, tenantID, id int64, m Meta, now time.Time) error {
	m.normalize()
	e := validate.Errors{}
	if err := m.check(ctx, q, tenantID, e); err != nil {
		return err
	}
	if e.Any() {
		return e
	}
	var old string // the slug before, kept for old links (keepFormerSlug)
	if err := q.QueryRow(ctx, `SELECT slug FROM kb_articles WHERE tenant_id = ? AND id = ?`, tenantID, id).Scan(&old); err != nil {
		return db.One(err)
	}
	res, err := q.Exec(ctx, `UPDATE kb_articles SET category_id = ?, slug = ?, visibility = ?, updated_at = ?,
		published_at = CASE WHEN ? = 'published' AND status <> 'published' THEN ? ELSE published_at END, status = ?
		WHERE tenant_id = ? AND id = ?`, nullID(m.CategoryID), m.Slug, m.Visibility, now.Unix(),
		m.Status, now.Unix(), m.Status, tenantID, id)
	if db.IsUnique(err) {
		return validate.Errors{"slug": {ID: "error.taken"}}
	}
	if err != nil {
		return fmt.Errorf("kb: update article: %w", err)
	}
	if err := affected(res); err != nil {
		return err
	}
	if err := dropFormerSlug(ctx, q, tenantID, m.Slug); err != nil {
		return err
	}
	return keepFormerSlug(ctx, q, tenantID, id, old, m.Slug, now)
}

// SaveTranslation validates and stores an article's text in one language, replacing
// the text it had in that language.
func SaveTranslation(ctx context.Context, q db.Querier, tenantID, articleID int64, t Translation, now time.Time) error {
	normalizeTranslation(&t)
	e := validate.Errors{}
	checkTranslation(t, e)
	if e.Any() {
		return e
	}
	res, err := q.Exec(ctx, `UPDATE kb_articles SET updated_at = ? WHERE tenant_id = ? AND id = ?`, now.Unix(), tenantID, articleID)
	if err != nil {
		return fmt.Errorf("kb: touch article: %w", err)
	}
	if err := affected(res); err != nil {
		return err
	}
	return putTranslation(ctx, q, tenantID, articleID, t, now)
}

// putTranslation writes a checked translation with its search words.
func putTranslation(ctx context.Context, q db.Querier, tenantID, articleID int64, t Translation, now time.Time) error {
	plain := Plain(t.Body)
	_, err := q.Exec(ctx, `INSERT INTO kb_translations (tenant_id, article_id, language, title, body, plain,
		search_title, search_body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, language) DO UPDATE SET title = excluded.title, body = excluded.body,
		plain = excluded.plain, search_title = excluded.search_title, search_body = excluded.search_body,
		updated_at = excluded.updated_at`,
		tenantID, articleID, t.Language, t.Title, t.Body, plain, words.Text(t.Title), words.Text(plain), now.Unix(), now.Unix())
	if err != nil {
		return fmt.Errorf("kb: save translation: %w", err)
	}
	return nil
}

// DeleteTranslation removes an article's text in lang; the last one stays.
func DeleteTranslation(ctx context.Context, q db.Querier, tenantID, articleID int64, lang string) error {
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM kb_translations WHERE tenant_id = ? AND article_id = ?`,
		tenantID, articleID).Scan(&n); err != nil {
		return fmt.Errorf("kb: count translations: %w", err)
	}
	if n <= 1 {
		return ErrLastTranslation
	}
	res, err := q.Exec(ctx, `DELETE FROM kb_translations WHERE tenant_id = ? AND article_id = ? AND language = ?`,
		tenantID, articleID, lang)
	if err != nil {
		return fmt.Errorf("kb: delete translation: %w", err)
	}
	return affected(res)
}

// Delete removes an article with its texts and image records, and returns the file
// keys of its images for the caller to remove from the file store after commit.
func Delete(ctx context.Context, q db.Querier, tenantID, id int64) ([]string, error) {
	imgs, err := Images(ctx, q, tenantID, id)
	if err != nil {
		return nil, err
	}
	res, err := q.Exec(ctx, `DELETE FROM kb_articles WHERE tenant_id = ? AND id = ?`, tenantID, id)
	if err != nil {
		return nil, fmt.Errorf("kb: delete article: %w", err)
	}
	if err := affected(res); err != nil {
		return nil, err
	}
	keys := make([]string, len(imgs))
	for i, im := range imgs {
		keys[i] = im.Key
	}
	return keys, nil
}
