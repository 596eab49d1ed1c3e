package kb

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// keepFormerSlug remembers that article id was reachable as old, so links to the old
// address keep working (FormerSlug). A slug once given up by another article of the
// tenant now leads to this one: the newest owner wins. Nothing happens when the slug
// did not change.
func keepFormerSlug(ctx context.Context, q db.Querier, tenantID, id int64, old, current string, now time.Time) error {
	if old == "" || old == current {
		return nil
	}
	if _, err := q.Exec(ctx, `INSERT INTO kb_slug_history (tenant_id, article_id, slug, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (tenant_id, slug) DO UPDATE SET article_id = excluded.article_id, created_at = excluded.created_at`,
		tenantID, id, old, now.Unix()); err != nil {
		return fmt.Errorf("kb: keep former slug: %w", err)
	}
	return nil
}

// dropFormerSlug forgets that slug led to some article of the tenant, for an article
// taking it (Create, Update): otherwise, once the new owner is hidden from a reader
// (a draft, customers only), FormerSlug would send that reader to the old article.
// Callers run it in the transaction that gives the slug.
func dropFormerSlug(ctx context.Context, q db.Querier, tenantID int64, slug string) error {
	if _, err := q.Exec(ctx, `DELETE FROM kb_slug_history WHERE tenant_id = ? AND slug = ?`, tenantID, slug); err != nil {
		return fmt.Errorf("kb: drop former slug: %w", err)
	}
	return nil
}

// FormerSlug is the current slug of the article that used to be reachable as slug, if
// the viewer may read it; otherwise (no such slug, or an article the viewer may not
// see) db.ErrNotFound, so a redirect never tells more than a 404 would. A slug that
// an article has now is not looked up here: Read finds it first.
func FormerSlug(ctx context.Context, q db.Querier, v Viewer, slug string) (string, error) {
	if !ValidSlug(slug) {
		return "", db.ErrNotFound
	}
	cond, args := v.visible()
	var current string
	err := q.QueryRow(ctx, `SELECT a.slug FROM kb_slug_history h JOIN kb_articles a ON a.id = h.article_id
		WHERE h.tenant_id = ? AND h.slug = ? AND `+cond, append([]any{v.TenantID, slug}, args...)...).Scan(&current)
	return current, db.One(err)
}
