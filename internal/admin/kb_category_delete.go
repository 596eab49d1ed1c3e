package admin

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategoryDelete removes a category; its articles stay, without category.
func (a *Admin) kbCategoryDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	if err := kb.DeleteCategory(r.Context(), a.env.DB, v.P.TenantID, id); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "kb_admin.category_deleted", "/admin/kb/categories")
}
