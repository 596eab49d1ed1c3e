package kb

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Votes counts the answers to "Was this article helpful?".
type Votes struct {
	Yes, No int64
}

// Total is the number of answers.
func (v Votes) Total() int64 { return v.Yes + v.No }

// Percent is the share of "yes" in whole percent, rounded; -1 without answers (no
// share at all, which is not the same as 0 %).
func (v Votes) Percent() int64 {
	if v.Total() == 0 {
		return -1
	}
	return (v.Yes*100 + v.Total()/2) / v.Total()
}

// Stats are an article's reads and answers, as staff see them.
type Stats struct {
	Views int64
	Votes
}

// Comment is a "no" with what the contact missed, for staff.
type Comment struct {
	ContactID   int64
	ContactName string
	CompanyName string // the company the contact acted for; "" when it is gone
	Text        string
	At          time.Time
}

// ArticleStats counts an article's reads and answers; another tenant's is db.ErrNotFound.
func ArticleStats(ctx context.Context, q db.Querier, tenantID, articleID int64) (Stats, error) {
	var s Stats
	err := q.QueryRow(ctx, `SELECT a.views,
		COALESCE((SELECT SUM(CASE WHEN f.helpful THEN 1 ELSE 0 END) FROM kb_feedback f WHERE f.article_id = a.id), 0),
		(SELECT COUNT(*) FROM kb_feedback f WHERE f.article_id = a.id)
		FROM kb_articles a WHERE a.tenant_id = ? AND a.id = ?`, tenantID, articleID).Scan(&s.Views, &s.Yes, &s.No)
	if err != nil {
		return s, db.One(err)
	}
	s.No -= s.Yes
	return s, nil
}

// NoComments lists the latest comments that came with a "no", newest first.
func NoComments(ctx context.Context, q db.Querier, tenantID, articleID int64, limit int) ([]Comment, error) {
	rows, err := q.Query(ctx, `SELECT f.contact_id, TRIM(c.first_name || ' ' || c.last_name), COALESCE(co.name, ''),
		f.comment, f.updated_at
		FROM kb_feedback f JOIN contacts c ON c.id = f.contact_id LEFT JOIN companies co ON co.id = f.company_id
		WHERE f.tenant_id = ? AND f.article_id = ? AND NOT f.helpful AND f.comment <> ''
		ORDER BY f.updated_at DESC, f.id DESC LIMIT ?`, tenantID, articleID, limit)
	if err != nil {
		return nil, fmt.Errorf("kb: no comments: %w", err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var at int64
		if err := rows.Scan(&c.ContactID, &c.ContactName, &c.CompanyName, &c.Text, &at); err != nil {
			return nil, fmt.Errorf("kb: no comments: %w", err)
		}
		c.At = time.Unix(at, 0)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ResetFeedback sets an article's reads to zero and removes its answers and comments
// (after a rewrite, say, when the old verdict no longer applies). It returns what there
// was, for the audit log.
func ResetFeedback(ctx context.Context, q db.Querier, tenantID, articleID int64) (Stats, error) {
	was, err := ArticleStats(ctx, q, tenantID, articleID)
	if err != nil {
		return was, err
	}
	for _, s := range []string{
		`DELETE FROM kb_feedback WHERE tenant_id = ? AND article_id = ?`,
		`DELETE FROM kb_recent_views WHERE tenant_id = ? AND article_id = ?`,
		`UPDATE kb_articles SET views = 0 WHERE tenant_id = ? AND id = ?`,
	} {
		if _, err := q.Exec(ctx, s, tenantID, articleID); err != nil {
			return was, fmt.Errorf("kb: reset feedback: %w", err)
		}
	}
	return was, nil
}

// votesOf fills in the answers of the listed articles with one query.
func votesOf(ctx context.Context, q db.Querier, tenantID int64, list []Row) error {
	if len(list) == 0 {
		return nil
	}
	idx := map[int64]int{}
	args := []any{tenantID}
	for i, r := range list {
		idx[r.ID] = i
		args = append(args, r.ID)
	}
	rows, err := q.Query(ctx, `SELECT article_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END), COUNT(*) FROM kb_feedback
		WHERE tenant_id = ? AND article_id IN (`+db.Marks(len(list))+`) GROUP BY article_id`, args...)
	if err != nil {
		return fmt.Errorf("kb: votes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, yes, all int64
		if err := rows.Scan(&id, &yes, &all); err != nil {
			return fmt.Errorf("kb: votes: %w", err)
		}
		list[idx[id]].Votes = Votes{Yes: yes, No: all - yes}
	}
	return rows.Err()
}
