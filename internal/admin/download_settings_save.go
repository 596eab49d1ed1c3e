package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadSettingsSave stores the upload limit, a whole number of megabytes.
func (a *Admin) downloadSettingsSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	mb, err := strconv.ParseInt(f.Get("max_upload_mb"), 10, 64)
	if f.Err == "" && (err != nil || mb < 1 || mb > maxUploadMB) {
		f.Errors.Add("max_upload_mb", "downloads_admin.max_upload_invalid", map[string]any{"Max": maxUploadMB})
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, downloadSettingsPage(v.chrome(r, "downloads_admin.settings"), f))
		return
	}
	ctx := r.Context()
	err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := download.SetMaxUpload(ctx, tx, v.P.TenantID, mb<<20); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadSettings, "max_upload="+strconv.FormatInt(mb, 10)+" MB", by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/downloads/settings")
}
