package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/textmodule"
	"pforte/internal/web"
)

// textModuleView is the editor of one module: ID 0 for a new one.
type textModuleView struct {
	ID   int64
	Form web.Form
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
