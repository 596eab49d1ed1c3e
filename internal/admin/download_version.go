package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadVersionAdd uploads a new version of a file; it becomes the current one and
// the previous ones stay in the history.
func (a *Admin) downloadVersionAdd(w http.ResponseWriter, r *http.Request, v *visit) {
	f, ok := a.loadFile(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	limit, err := download.MaxUpload(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	u, err := a.parseUpload(w, r, limit, 1)
	if err != nil {
		a.discard(u.Files)
		a.env.Fail(w, r, err)
		return
	}
	if len(u.Files) == 0 && u.Errors["file"].ID == "" && u.Err == "" {
		u.Errors.Add("file", "downloads_admin.file_required", nil)
	}
	if !u.Invalid() {
		up := u.Files[0]
		err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			ver, err := download.AddVersion(ctx, tx, v.P.TenantID, f.ID, download.Version{Key: up.Key, Name: up.Name,
				Size: up.Size, Type: up.Type, SHA256: up.SHA256, UploadedBy: v.Member.Name}, a.env.Now())
			if err != nil {
				return err
			}
			f.Current = ver
			if u.Get("notify") == "1" { // unticked: a typo fix goes out silently
				if _, err := download.QueueNotices(ctx, tx, v.P.TenantID, f.ID, ver.ID, a.env.Now()); err != nil {
					return err
				}
			}
			by := v.actor(r, a.env)
			what := fileTarget(f) + " version " + strconv.Itoa(ver.Number)
			return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadVersionAdded, what, by.IP, a.env.Now())
		})
		if err != nil {
			a.discard(u.Files)
			a.env.Fail(w, r, err)
			return
		}
		a.env.Flash(w, r, "downloads_admin.version_added", "/admin/downloads/files/"+itoa(f.ID))
		return
	}
	a.discard(u.Files)
	show := web.NewForm()
	show.Set("title", f.Title)
	show.Set("description", f.Description)
	show.Set("folder_id", strconv.FormatInt(f.FolderID, 10))
	show.Set("visibility", f.Visibility)
	cs, err := download.Companies(ctx, a.env.DB, v.P.TenantID, f.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	for _, c := range cs {
		show.Values.Add("company_id", strconv.FormatInt(c.ID, 10))
	}
	a.renderFile(w, r, v, f, show, u.Form, http.StatusUnprocessableEntity)
}
