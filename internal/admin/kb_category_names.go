package admin

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategoryNames shows a category's names in the portal's languages (empty: readers
// in that language see the main name).
func (a *Admin) kbCategoryNames(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := loadByPath(a, w, r, v, kb.GetCategory)
	if !ok {
		return
	}
	names, err := kb.LoadCategoryNames(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	setNames(f, names.Of(c.ID))
	a.renderKBCategoryNames(w, r, v, c, f, http.StatusOK)
}

func (a *Admin) renderKBCategoryNames(w http.ResponseWriter, r *http.Request, v *visit, c kb.Category, f web.Form, status int) {
	web.Render(w, r, status, kbCategoryNamesPage(v.chrome(r, "kb_names.title_plain"), c, f))
}
