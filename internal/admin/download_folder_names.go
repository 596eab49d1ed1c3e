package admin

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// folderNames shows a folder's names in the portal's languages (empty: contacts in
// that language see the main name).
func (a *Admin) folderNames(w http.ResponseWriter, r *http.Request, v *visit) {
	fo, ok := a.loadFolder(w, r, v)
	if !ok {
		return
	}
	names, err := download.LoadFolderNames(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	setNames(f, names.Of(fo.ID))
	a.renderFolderNames(w, r, v, fo, f, http.StatusOK)
}

func (a *Admin) renderFolderNames(w http.ResponseWriter, r *http.Request, v *visit, fo download.Folder, f web.Form, status int) {
	all, err := download.Folders(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, folderNamesPage(v.chrome(r, "kb_names.title_plain"), fo, download.Path(all, fo.ID), f))
}
