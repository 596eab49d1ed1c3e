package kb

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// ViewWindow is how long a reader's read of an article counts once: reloading the page,
// or coming back to it from a search within this time, is no new read. Visitors without
// login are recognised in memory only (VisitorViews).
const ViewWindow = time.Hour

// CountContactView counts the contact's read of the article unless they read it within
// ViewWindow, and reports whether it counted. The mark it leaves (kb_recent_views) is
// swept once it is older than ViewWindow, so it tells nobody later what the contact read.
func CountContactView(ctx context.Context, d *db.DB, tenantID, articleID, contactID int64, now time.Time) (bool, error) {
	counted := false
	err := d.InTx(ctx, func(tx *db.Tx) error {
		// The upsert changes a row only when there is none or it is older than the
		// window; no change means a recent read.
		res, err := tx.Exec(ctx, `INSERT INTO kb_recent_views (article_id, contact_id, tenant_id, viewed_at)
			SELECT a.id, ?, a.tenant_id, ? FROM kb_articles a WHERE a.tenant_id = ? AND a.id = ?
			ON CONFLICT (article_id, contact_id) DO UPDATE SET viewed_at = excluded.viewed_at
			WHERE kb_recent_views.viewed_at <= ?`,
			contactID, now.Unix(), tenantID, articleID, now.Add(-ViewWindow).Unix())
		if err != nil {
			return fmt.Errorf("kb: mark view: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		counted = true
		return CountView(ctx, tx, tenantID, articleID)
	})
	return counted, err
}

// SweepRecentViews forgets the marks of reads older than ViewWindow (the janitor's).
func SweepRecentViews(ctx context.Context, q db.Querier, now time.Time) error {
	if _, err := q.Exec(ctx, `DELETE FROM kb_recent_views WHERE viewed_at < ?`, now.Add(-ViewWindow).Unix()); err != nil {
		return fmt.Errorf("kb: sweep recent views: %w", err)
	}
	return nil
}
