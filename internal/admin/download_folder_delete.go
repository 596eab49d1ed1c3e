package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
)

// folderDelete removes an empty folder; one that still holds something stays, with a
// message saying why.
func (a *Admin) folderDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	fo, ok := a.loadFolder(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := download.DeleteFolder(ctx, tx, v.P.TenantID, fo.ID); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadFolderDeleted,
			"folder:"+strconv.FormatInt(fo.ID, 10)+" "+fo.Name, by.IP, a.env.Now())
	})
	if errors.Is(err, download.ErrFolderNotEmpty) {
		a.env.Flash(w, r, "downloads_admin.folder_not_empty_failed", "/admin/downloads/folders/"+itoa(fo.ID))
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "downloads_admin.folder_deleted", folderHref(fo.ParentID))
}
