package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadVersionDelete removes one wrong version of a file, audited; the newest
// remaining one becomes current if it was. A file's only version stays (the file is
// deleted instead: downloadDelete). The stored content goes once the rows are gone.
func (a *Admin) downloadVersionDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	var ver download.Version
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
		if ver, err = download.DeleteVersion(ctx, tx, v.P.TenantID, id); err != nil {
			return err
		}
		f, err := download.Get(ctx, tx, v.P.TenantID, ver.FileID)
		if err != nil {
			return err
		}
		f.Current.Name = ver.Name // the entry names the version deleted
		by := v.actor(r, a.env)
		what := fileTarget(f) + " version " + strconv.Itoa(ver.Number)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadVersionDeleted, what, by.IP, a.env.Now())
	})
	if errors.Is(err, download.ErrLastVersion) {
		a.env.Flash(w, r, "qa2_misc.version_last_failed", "/admin/downloads/files/"+itoa(ver.FileID))
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if err := a.env.Files.Delete(ver.Key); err != nil {
		a.env.Log.Warn("download: delete content", "key", ver.Key, "err", err)
	}
	a.env.Flash(w, r, "qa2_misc.version_deleted", "/admin/downloads/files/"+itoa(ver.FileID))
}
