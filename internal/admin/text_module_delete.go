package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/textmodule"
)

// textModuleDelete removes one of the tenant's modules; replies it went into keep
// their text.
func (a *Admin) textModuleDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	m, ok := a.textModuleOf(w, r, v)
	if !ok {
		return
	}
	err := a.textModuleChange(r, v, audit.TextModuleDeleted, func(ctx context.Context, tx *db.Tx) (textmodule.Module, error) {
		return m, textmodule.Delete(ctx, tx, v.P.TenantID, m.ID)
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "text_modules.deleted", "/admin/text-modules")
}
