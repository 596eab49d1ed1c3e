package kb

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// ContactVote is one of a contact's answers, for their data export.
type ContactVote struct {
	ID        int64
	ArticleID int64
	// Title is the article's title as v reads it; "" when v may no longer read the
	// article (taken back to draft, or now for other companies): the export tells the
	// contact what they wrote, not what has become of the article since.
	Title     string
	Helpful   bool
	Comment   string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ContactVotes lists a page of the contact's answers in the order they were first
// given, after the answer with id after.
func ContactVotes(ctx context.Context, q db.Querier, v Viewer, contactID, after int64, limit int) ([]ContactVote, error) {
	cond, condArgs := v.visible()
	join, joinArgs := v.pickTranslation()
	// Placeholders in the order they stand: the CASE, then the join, then WHERE.
	args := append(append(condArgs, joinArgs...), v.TenantID, contactID, after, limit)
	rows, err := q.Query(ctx, `SELECT f.id, f.article_id, CASE WHEN `+cond+` THEN t.title ELSE '' END,
		f.helpful, f.comment, f.created_at, f.updated_at
		FROM kb_feedback f JOIN kb_articles a ON a.id = f.article_id`+join+`
		WHERE f.tenant_id = ? AND f.contact_id = ? AND f.id > ? ORDER BY f.id LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("kb: contact votes: %w", err)
	}
	defer rows.Close()
	var out []ContactVote
	for rows.Next() {
		var c ContactVote
		var created, updated int64
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.Title, &c.Helpful, &c.Comment, &created, &updated); err != nil {
			return nil, fmt.Errorf("kb: contact votes: %w", err)
		}
		c.CreatedAt, c.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ForgetContact removes what a contact who deleted their account wrote under articles,
// and the marks of what they read lately. Their yes and no stay, counted under the
// anonymised contact like their ticket ratings, so an article's share of helpful
// answers does not jump; a comment is free text that may say anything about its
// writer, and goes.
func ForgetContact(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	if _, err := q.Exec(ctx, `UPDATE kb_feedback SET comment = '' WHERE tenant_id = ? AND contact_id = ? AND comment <> ''`,
		tenantID, contactID); err != nil {
		return fmt.Errorf("kb: forget contact's comments: %w", err)
	}
	if _, err := q.Exec(ctx, `DELETE FROM kb_recent_views WHERE tenant_id = ? AND contact_id = ?`, tenantID, contactID); err != nil {
		return fmt.Errorf("kb: forget contact's reads: %w", err)
	}
	return nil
}
