package admin

import (
	"errors"
	"net/http"

	"pforte/internal/kb"
)

// kbTranslationDelete removes the text in one language; the last one stays.
func (a *Admin) kbTranslationDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	ed, ok := a.loadKBTranslation(w, r, v)
	if !ok {
		return
	}
	err := kb.DeleteTranslation(r.Context(), a.env.DB, v.P.TenantID, ed.Art.ID, ed.Lang)
	switch {
	case errors.Is(err, kb.ErrLastTranslation):
		a.env.Flash(w, r, "kb_admin.translation_delete_failed", "/admin/kb/articles/"+itoa(ed.Art.ID))
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "kb_admin.translation_deleted", "/admin/kb/articles/"+itoa(ed.Art.ID))
	}
}
