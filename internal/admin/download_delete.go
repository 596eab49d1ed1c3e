package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
)

// downloadDelete removes a file with all versions and its download log, audited. The
// stored contents go once the rows are gone; a content that cannot be removed is only
// logged, since nothing refers to it any more.
func (a *Admin) downloadDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	f, ok := a.loadFile(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	var keys []string
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if keys, err = download.Delete(ctx, tx, v.P.TenantID, f.ID); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadDeleted, fileTarget(f), by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	for _, k := range keys {
		if err := a.env.Files.Delete(k); err != nil {
			a.env.Log.Warn("download: delete content", "key", k, "err", err)
		}
	}
	a.env.Flash(w, r, "downloads_admin.deleted", folderHref(f.FolderID))
}
