package admin

import (
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategoryTaken refuses a name another category of the tenant has (in any case):
// two categories of one name look alike to readers of the knowledge base.
func (a *Admin) kbCategoryTaken(r *http.Request, f *web.Form, c kb.Category) error {
	cats, err := kb.Categories(r.Context(), a.env.DB, c.TenantID)
	if err != nil {
		return err
	}
	for _, o := range cats {
		if o.ID != c.ID && strings.EqualFold(o.Name, strings.TrimSpace(c.Name)) {
			f.Errors.Add("name", "admin_day.error.kb_category_taken", nil)
		}
	}
	return nil
}

// kbCategoryOf reads a category from a form; a position that is not a number is
// refused next to its field, together with a missing or too long name (which the
// store would check only once the position is right).
func kbCategoryOf(f *web.Form, tenantID int64) kb.Category {
	c := kb.Category{TenantID: tenantID, Name: f.Get("name")}
	f.Errors.Text("name", strings.TrimSpace(c.Name), true, kb.MaxCategoryName)
	c.Position = f.Errors.Position("position", f.Get("position"), 0)
	return c
}

// kbCategories lists the categories, each with its edit form, and the form for a new one.
func (a *Admin) kbCategories(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderKBCategories(w, r, v, web.NewForm(), 0, web.NewForm(), http.StatusOK)
}

// renderKBCategories shows the list; the category editID shows form edit (with its
// errors) instead of its stored values.
func (a *Admin) renderKBCategories(w http.ResponseWriter, r *http.Request, v *visit, create web.Form, editID int64, edit web.Form, status int) {
	cats, err := kb.Categories(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	names, err := kb.LoadCategoryNames(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	forms := make([]web.Form, len(cats))
	for i, c := range cats {
		if c.ID == editID {
			forms[i] = edit
			continue
		}
		forms[i] = web.NewForm()
		forms[i].Set("name", c.Name)
		forms[i].Set("position", strconv.Itoa(c.Position))
	}
	web.Render(w, r, status, kbCategoriesPage(v.chrome(r, "kb_admin.categories"), cats, forms, create, names))
}
