package admin

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategoryCreate adds a category.
func (a *Admin) kbCategoryCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		c := kbCategoryOf(&f, v.P.TenantID)
		if err := a.kbCategoryTaken(r, &f, c); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if !f.Invalid() {
			if _, err := kb.CreateCategory(r.Context(), a.env.DB, c, a.env.Now()); err != nil && !f.Take(err) {
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderKBCategories(w, r, v, f, 0, web.NewForm(), http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "kb_admin.category_saved", "/admin/kb/categories")
}
