package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbUpdate saves an article's settings with the companies ticked in them (kept only
// for the visibility "chosen companies", as on the new article's form). Publishing
// and taking back, and changes of visibility, slug and chosen companies, are audited.
func (a *Admin) kbUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	f := web.ParseForm(w, r)
	if f.Err == "" {
		// All fields at once: kb's own checks and the form's, not one batch per submit.
		e, err := kb.Check(ctx, a.env.DB, v.P.TenantID, kbMetaOf(f), nil)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		f.Take(e)
		if kbNoReaders(kbMetaOf(f), len(kbChosen(f))) {
			f.Errors.Add("visibility", "backoffice_qa.kb_no_company", nil)
		}
		kbCheckPublishEmpty(f.Errors, kbMetaOf(f), art)
	}
	if !f.Invalid() {
		m := kbMetaOf(f)
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			if m.Slug == "" { // the field's hint promises one made from the title
				var err error
				if m.Slug, err = kb.FreeSlug(ctx, tx, v.P.TenantID, art.ID, art.Title(v.Tenant.DefaultLanguage, "")); err != nil {
					return err
				}
			}
			if err := kb.Update(ctx, tx, v.P.TenantID, art.ID, m, a.env.Now()); err != nil {
				return err
			}
			if err := a.kbSaveCompanies(ctx, tx, r, v, art.ID, kbChosen(f)); err != nil {
				return err
			}
			if err := a.kbAuditChanges(ctx, tx, r, v, art); err != nil {
				return err
			}
			switch {
			case m.Status == kb.StatusPublished && art.Status != kb.StatusPublished:
				return a.kbAudit(ctx, tx, r, v, audit.KBPublished, art.ID)
			case m.Status != kb.StatusPublished && art.Status == kb.StatusPublished:
				return a.kbAudit(ctx, tx, r, v, audit.KBUnpublished, art.ID)
			}
			return nil
		})
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderKB(w, r, v, &kbEditor{Art: art, Form: f, Sent: true, Upload: web.NewForm()}, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/kb/articles/"+itoa(art.ID))
}
