package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/download"
	"pforte/internal/web"
)

// maxUploadMB bounds the setting in megabytes (download.MaxUploadCeiling).
const maxUploadMB = download.MaxUploadCeiling >> 20

// downloadSettings shows the download area's upload limit.
func (a *Admin) downloadSettings(w http.ResponseWriter, r *http.Request, v *visit) {
	n, err := download.MaxUpload(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	f.Set("max_upload_mb", strconv.FormatInt(max(1, n>>20), 10))
	web.Render(w, r, http.StatusOK, downloadSettingsPage(v.chrome(r, "downloads_admin.settings"), f))
}
