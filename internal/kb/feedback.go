package kb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// MaxFeedbackComment bounds what a contact may write on what an article was missing, in
// characters: a hint for the author, not a ticket.
const MaxFeedbackComment = 1000

// Feedback is a contact's answer to "Was this article helpful?" under an article.
//
// Only logged-in contacts answer. A visitor reading a public article is asked to sign
// in: without an account there is nothing honest to count "once per person" by (a
// random cookie is gone with a private window or a cleared browser, so one person could
// vote as often as they like), and the share of "yes" answers staff act on would be
// worth little.
type Feedback struct {
	Helpful   bool
	Comment   string // only with a "no": what was missing
	UpdatedAt time.Time
}

// CheckComment validates a comment on what was missing: at most MaxFeedbackComment
// characters, line breaks allowed, other control characters not.
func CheckComment(comment string) validate.Errors {
	e := validate.Errors{}
	e.MaxLen("comment", comment, MaxFeedbackComment)
	return e
}

// Vote stores the contact's answer on the article, or changes the one they gave: one
// answer per contact and article, whichever company they act for (the one named with
// it is the latest). comment is nil when the form carried none: a "no" then keeps the
// comment written before; a "yes" always clears it. An article the viewer may not read
// (another tenant's, a draft, one for other companies) is db.ErrNotFound, as is a
// viewer without login.
func Vote(ctx context.Context, q db.Querier, v Viewer, contactID, articleID int64, helpful bool, comment *string, now time.Time) error {
	if !v.LoggedIn() || contactID <= 0 {
		return db.ErrNotFound
	}
	text, setComment := "", true
	switch {
	case helpful:
	case comment != nil:
		text = *comment
	default:
		setComment = false
	}
	if e := CheckComment(text); e.Any() {
		return e
	}
	cond, args := v.visible()
	res, err := q.Exec(ctx, `INSERT INTO kb_feedback (tenant_id, article_id, contact_id, company_id, helpful, comment,
			created_at, updated_at)
		SELECT a.tenant_id, a.id, ?, ?, ?, ?, ?, ? FROM kb_articles a WHERE a.id = ? AND `+cond+`
		ON CONFLICT (article_id, contact_id) DO UPDATE SET helpful = excluded.helpful, company_id = excluded.company_id,
			comment = CASE WHEN ? THEN excluded.comment ELSE kb_feedback.comment END, updated_at = excluded.updated_at`,
		append(append([]any{contactID, v.CompanyID, helpful, text, now.Unix(), now.Unix(), articleID}, args...), setComment)...)
	if err != nil {
		return fmt.Errorf("kb: vote: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// MyFeedback is the contact's answer on the article; false when they gave none.
func MyFeedback(ctx context.Context, q db.Querier, tenantID, articleID, contactID int64) (Feedback, bool, error) {
	var f Feedback
	var at int64
	err := q.QueryRow(ctx, `SELECT helpful, comment, updated_at FROM kb_feedback
		WHERE tenant_id = ? AND article_id = ? AND contact_id = ?`, tenantID, articleID, contactID).Scan(&f.Helpful, &f.Comment, &at)
	if err == sql.ErrNoRows {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("kb: my feedback: %w", err)
	}
	f.UpdatedAt = time.Unix(at, 0)
	return f, true, nil
}
