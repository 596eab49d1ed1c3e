package admin

import (
	"net/http"
	"slices"
	"strings"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// helpdeskCategorySave adds a category (no id) or renames, moves or retires one of
// the tenant's (another tenant's id is a 404). A retired category leaves the portal's
// form; tickets keep it.
func (a *Admin) helpdeskCategorySave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	list, err := ticket.Categories(ctx, a.env.DB, v.P.TenantID, false)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	c, key, adding := ticket.Category{Active: true, Position: nextPosition(list)}, "category-new", true
	if r.PathValue("id") != "" {
		id, _ := web.ID(r, "id")
		i := slices.IndexFunc(list, func(c ticket.Category) bool { return c.ID == id })
		if i < 0 {
			a.env.NotFound(w, r)
			return
		}
		c, key, adding = list[i], "category-"+itoa(id), false
	}
	f := web.ParseForm(w, r)
	var names map[string]string
	if f.Err == "" {
		c.Name = f.Get("name")
		names = readNames(&f, maxCategoryName)
		f.Errors.Text("name", c.Name, true, maxCategoryName)
		c.Position = position(&f, c.Position)
		if !adding {
			c.Active = f.Get("active") == "1"
		}
		if slices.ContainsFunc(list, func(o ticket.Category) bool { return o.ID != c.ID && strings.EqualFold(o.Name, c.Name) }) {
			f.Errors.Add("name", "tickets_admin.error.category_taken", nil)
		}
	}
	if f.Invalid() {
		a.renderHelpdesk(w, r, v, key, f, http.StatusUnprocessableEntity)
		return
	}
	a.helpdeskSave(w, r, v, "helpdesk category "+c.Name+namesAudit(names), func(tx *db.Tx) error {
		id, err := ticket.SaveCategory(ctx, tx, v.P.TenantID, c)
		if err != nil {
			return err
		}
		return ticket.SaveNames(ctx, tx, v.P.TenantID, ticket.NameCategory, id, names)
	})
}
