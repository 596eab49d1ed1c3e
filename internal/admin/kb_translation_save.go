package admin

import (
	"net/http"

	"pforte/internal/kb"
)

// kbTranslationSave stores the text in one language; action=preview only renders it.
func (a *Admin) kbTranslationSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ed, ok := a.loadKBTranslation(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	ed.Form = parseArticleForm(w, r)
	if ed.Form.Err == "" && ed.Form.Get("action") == "preview" {
		ed.Preview = kb.RenderAdmin(ed.Form.Raw("body"))
		a.renderKBTranslation(w, r, v, ed, http.StatusOK)
		return
	}
	if ed.Form.Err == "" && ed.Art.Status == kb.StatusPublished && kbEmptyBody(ed.Form.Raw("body")) { // kb_empty_body.go
		ed.Form.Errors.Add("body", "qa2_misc.kb_body_published", nil)
	}
	if ed.Form.Err == "" && !ed.Form.Invalid() {
		err := kb.SaveTranslation(ctx, a.env.DB, v.P.TenantID, ed.Art.ID, kbTranslationOf(ed.Form, ed.Lang), a.env.Now())
		if err != nil && !ed.Form.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if ed.Form.Invalid() {
		a.renderKBTranslation(w, r, v, ed, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/kb/articles/"+itoa(ed.Art.ID))
}
