package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/textmodule"
	"pforte/internal/web"
)

// textModuleActive switches one of the tenant's modules on or off: an inactive module
// stays on the list but is no longer offered on the ticket page.
func (a *Admin) textModuleActive(w http.ResponseWriter, r *http.Request, v *visit) {
	m, ok := a.textModuleOf(w, r, v)
	if !ok {
		return
	}
	m.Active = web.ParseForm(w, r).Get("active") == "1"
	err := a.textModuleChange(r, v, audit.TextModuleChanged, func(ctx context.Context, tx *db.Tx) (textmodule.Module, error) {
		return m, textmodule.SetActive(ctx, tx, v.P.TenantID, m.ID, m.Active, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	msg := "text_modules.deactivated"
	if m.Active {
		msg = "text_modules.activated"
	}
	a.env.Flash(w, r, msg, "/admin/text-modules")
}
