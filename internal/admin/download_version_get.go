package admin

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadVersionGet lets staff fetch any version, without counting it as a download.
func (a *Admin) downloadVersionGet(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	ver, err := download.GetVersion(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f, err := download.Open(a.env.Files, ver)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	download.Serve(w, r, f, ver)
}
