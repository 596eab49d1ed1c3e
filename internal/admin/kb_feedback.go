package admin

import (
	"fmt"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
)

// kbCommentsShown is how many of the latest "no" comments the article page lists.
const kbCommentsShown = 20

// kbFeedbackReset sets an article's reads to zero and removes its answers and comments.
// The audit entry keeps what there was.
func (a *Admin) kbFeedbackReset(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		was, err := kb.ResetFeedback(ctx, tx, v.P.TenantID, art.ID)
		if err != nil {
			return err
		}
		by := v.actor(r, a.env)
		target := fmt.Sprintf("article:%d %s (views %d, yes %d, no %d)", art.ID, art.Slug, was.Views, was.Yes, was.No)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.KBFeedbackReset, target, by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "kb_feedback.admin.reset_done", "/admin/kb/articles/"+itoa(art.ID)+"#feedback")
}

// kbHelpful is the list's cell for an article's answers: "83 % (12)", or a dash
// without any.
func kbHelpful(vs kb.Votes) string {
	if vs.Total() == 0 {
		return "–"
	}
	return fmt.Sprintf("%d %% (%d)", vs.Percent(), vs.Total())
}
