package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
)

// kbCreate stores a new article, or with action=preview shows the text rendered
// without storing anything.
func (a *Admin) kbCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	f := parseArticleForm(w, r)
	if f.Err == "" && f.Get("action") == "preview" {
		a.renderKBNew(w, r, v, f, kb.RenderAdmin(f.Raw("body")), http.StatusOK)
		return
	}
	var id int64
	if f.Err == "" {
		// All fields at once: kb's own checks and the form's, not one batch per submit.
		t := kbTranslationOf(f, f.Get("language"))
		e, err := kb.Check(ctx, a.env.DB, v.P.TenantID, kbMetaOf(f), &t)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		f.Take(e)
		if kbNoReaders(kbMetaOf(f), len(kbChosen(f))) { // the companies are picked in this form
			f.Errors.Add("visibility", "backoffice_qa.kb_no_company", nil)
		}
		if kbMetaOf(f).Status == kb.StatusPublished && kbEmptyBody(f.Raw("body")) { // kb_empty_body.go
			f.Errors.Add("body", "qa2_misc.kb_body_publish", nil)
		}
	}
	if !f.Invalid() {
		m := kbMetaOf(f)
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			var err error
			id, err = kb.Create(ctx, tx, v.P.TenantID, v.Member.ID, m, kbTranslationOf(f, f.Get("language")), a.env.Now())
			if err != nil {
				return err
			}
			// Another tenant's company is db.ErrNotFound: 404.
			if err := a.kbSaveCompanies(ctx, tx, r, v, id, kbChosen(f)); err != nil {
				return err
			}
			if m.Status != kb.StatusPublished {
				return nil
			}
			return a.kbAudit(ctx, tx, r, v, audit.KBPublished, id)
		})
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderKBNew(w, r, v, f, "", http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "kb_admin.created", "/admin/kb/articles/"+itoa(id))
}
