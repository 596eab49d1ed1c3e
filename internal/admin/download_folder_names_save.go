package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/localname"
	"pforte/internal/web"
)

// folderNamesSave stores a folder's names; a change is in the audit log with the
// names as they are now, like the other changes of the download area.
func (a *Admin) folderNamesSave(w http.ResponseWriter, r *http.Request, v *visit) {
	fo, ok := a.loadFolder(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	f := web.ParseForm(w, r)
	if f.Err == "" {
		names := readNames(&f, download.MaxFolderName)
		if !f.Invalid() {
			err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
				changed, err := download.SaveFolderNames(ctx, tx, v.P.TenantID, fo.ID, names)
				if err != nil || !changed {
					return err
				}
				by := v.actor(r, a.env)
				return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadFolderNames,
					"folder:"+itoa(fo.ID)+" "+fo.Name+namesAudit(localname.Tidy(names)), by.IP, a.env.Now())
			})
			if err != nil && !f.Take(err) {
				a.env.Fail(w, r, err)
				return
			}
		}
	}
	if f.Invalid() {
		a.renderFolderNames(w, r, v, fo, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "kb_names.saved", "/admin/downloads/folders/"+itoa(fo.ID))
}
