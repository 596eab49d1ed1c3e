package admin

import (
	"net/http"

	"pforte/internal/web"
)

// textModuleNew shows the empty editor; a new module is active.
func (a *Admin) textModuleNew(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("active", "1")
	web.Render(w, r, http.StatusOK, textModulePage(v.chrome(r, "text_modules.new_title"), textModuleView{Form: f}))
}
