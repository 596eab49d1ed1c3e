package admin

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

func (a *Admin) folderUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	fo, ok := a.loadFolder(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		in := folderFromForm(&f)
		in.ID, in.TenantID = fo.ID, fo.TenantID
		if !a.folderChecked(w, r, &f, in) {
			return
		}
		if !f.Invalid() {
			if err := download.UpdateFolder(r.Context(), a.env.DB, in, a.env.Now()); err != nil && !f.Take(err) {
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderFolder(w, r, v, fo, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", folderHref(fo.ID))
}
