package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/textmodule"
	"pforte/internal/web"
)

// textModuleSave adds a module (no id in the path) or changes one of the tenant's.
// Bad input (an empty or too long field, a name or shortcut taken, a placeholder that
// does not exist) comes back next to its field with everything typed kept.
func (a *Admin) textModuleSave(w http.ResponseWriter, r *http.Request, v *visit) {
	m, action := textmodule.Module{TenantID: v.P.TenantID}, audit.TextModuleCreated
	if r.PathValue("id") != "" {
		var ok bool
		if m, ok = a.textModuleOf(w, r, v); !ok {
			return
		}
		action = audit.TextModuleChanged
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		m.Name, m.Shortcut, m.Body, m.Language = f.Raw("name"), f.Raw("shortcut"), f.Raw("body"), f.Get("language")
		m.Active = f.Get("active") == "1"
		err := a.textModuleChange(r, v, action, func(ctx context.Context, tx *db.Tx) (textmodule.Module, error) {
			return textmodule.Save(ctx, tx, m, i18n.Languages, a.env.Now())
		})
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		title := "text_modules.new_title"
		if m.ID != 0 {
			title = "text_modules.edit_title"
		}
		web.Render(w, r, http.StatusUnprocessableEntity, textModulePage(v.chrome(r, title), textModuleView{ID: m.ID, Form: f}))
		return
	}
	a.env.Flash(w, r, "text_modules.saved", "/admin/text-modules")
}
