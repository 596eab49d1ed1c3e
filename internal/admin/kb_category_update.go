package admin

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategoryUpdate renames or moves a category of the tenant.
func (a *Admin) kbCategoryUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	old, ok := loadByPath(a, w, r, v, kb.GetCategory)
	if !ok {
		return
	}
	id := old.ID
	f := web.ParseForm(w, r)
	if f.Err == "" {
		c := kbCategoryOf(&f, v.P.TenantID)
		c.ID = id
		if err := a.kbCategoryTaken(r, &f, c); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if !f.Invalid() {
			if err := kb.UpdateCategory(r.Context(), a.env.DB, c, a.env.Now()); err != nil && !f.Take(err) {
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderKBCategories(w, r, v, web.NewForm(), id, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "kb_admin.category_saved", "/admin/kb/categories")
}
