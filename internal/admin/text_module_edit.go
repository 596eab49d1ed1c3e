package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/textmodule"
	"pforte/internal/web"
)

// textModuleView is the editor of one module: ID 0 for a new one.
type textModuleView struct {
	ID   int64
	Form web.Form
}

// textModuleNew shows the empty editor; a new module is active.
func (a *Admin) textModuleNew(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("active", "1")
	web.Render(w, r, http.StatusOK, textModulePage(v.chrome(r, "text_modules.new_title"), textModuleView{Form: f}))
}

// textModuleEdit shows the editor of one of the tenant's modules; another tenant's is
// a 404.
func (a *Admin) textModuleEdit(w http.ResponseWriter, r *http.Request, v *visit) {
	m, ok := a.textModuleOf(w, r, v)
	if !ok {
		return
	}
	f := web.NewForm()
	f.Set("name", m.Name)
	f.Set("shortcut", m.Shortcut)
	f.Set("language", m.Language)
	f.Set("body", m.Body)
	f.Set("active", boolField(m.Active))
	web.Render(w, r, http.StatusOK, textModulePage(v.chrome(r, "text_modules.edit_title"), textModuleView{ID: m.ID, Form: f}))
}

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

// textModuleChange runs one change of a module with its audit entry in a transaction.
func (a *Admin) textModuleChange(r *http.Request, v *visit, action string, change func(ctx context.Context, tx *db.Tx) (textmodule.Module, error)) error {
	ctx := r.Context()
	return a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := change(ctx, tx)
		if err != nil {
			return err
		}
		by := v.actor(r, a.env)
		what := "text module " + strconv.FormatInt(m.ID, 10) + " " + strconv.Quote(m.Name)
		if action == audit.TextModuleChanged && !m.Active {
			what += " (inactive)"
		}
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, action, what, by.IP, a.env.Now())
	})
}

// textModuleOf loads the module of the path; a missing or another tenant's is the 404
// page.
func (a *Admin) textModuleOf(w http.ResponseWriter, r *http.Request, v *visit) (textmodule.Module, bool) {
	return loadByPath(a, w, r, v, textmodule.Get)
}
