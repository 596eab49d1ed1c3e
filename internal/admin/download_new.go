package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadNew shows the upload form, with the folder it was opened from preselected.
func (a *Admin) downloadNew(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("folder_id", r.URL.Query().Get("folder"))
	f.Set("visibility", download.VisibleAll)
	f.Set("notify", "1")
	a.renderUpload(w, r, v, f, http.StatusOK)
}

// downloadCreate publishes one file or several at once: each file becomes a download
// with its first version, titled by the title field (one file) or by its own name
// (several), all with the same description, folder and visibility.
func (a *Admin) downloadCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	limit, err := download.MaxUpload(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	u, err := a.parseUpload(w, r, limit, maxUploadFiles)
	if err != nil {
		a.discard(u.Files)
		a.env.Fail(w, r, err)
		return
	}
	if len(u.Files) == 0 && u.Errors["file"].ID == "" && u.Err == "" {
		u.Errors.Add("file", "downloads_admin.file_required", nil)
	}
	companies := formIDs(u.Values["company_id"])
	var created []download.File
	if !u.Invalid() {
		err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			created = created[:0]
			for _, up := range u.Files {
				in := fileFromForm(u.Form)
				in.TenantID = v.P.TenantID
				if len(u.Files) > 1 || in.Title == "" {
					in.Title = download.TitleOf(up.Name)
				}
				ver := download.Version{Key: up.Key, Name: up.Name, Size: up.Size, Type: up.Type, SHA256: up.SHA256,
					UploadedBy: v.Member.Name}
				f, err := download.Create(ctx, tx, in, companies, ver, a.env.Now())
				if err != nil {
					return err
				}
				created = append(created, f)
				if u.Get("notify") == "1" { // unticked: published silently
					if _, err := download.QueueNotices(ctx, tx, v.P.TenantID, f.ID, f.Current.ID, a.env.Now()); err != nil {
						return err
					}
				}
				by := v.actor(r, a.env)
				if err := audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.DownloadUploaded, fileTarget(f), by.IP, a.env.Now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil && !u.Take(err) {
			a.discard(u.Files)
			a.env.Fail(w, r, err)
			return
		}
	}
	if u.Invalid() {
		a.discard(u.Files)
		a.renderUpload(w, r, v, u.Form, http.StatusUnprocessableEntity)
		return
	}
	if len(created) == 1 {
		a.env.Flash(w, r, "downloads_admin.uploaded", "/admin/downloads/files/"+itoa(created[0].ID))
		return
	}
	a.env.Flash(w, r, "downloads_admin.uploaded_many", folderHref(created[0].FolderID))
}

// fileFromForm reads the fields a file's form and the upload form share.
func fileFromForm(f web.Form) download.File {
	in := download.File{Title: f.Get("title"), Description: f.Raw("description"), Visibility: f.Get("visibility")}
	in.FolderID, _ = strconv.ParseInt(f.Get("folder_id"), 10, 64)
	return in
}

// fileTarget names a file in audit entries.
func fileTarget(f download.File) string {
	return "download:" + strconv.FormatInt(f.ID, 10) + " " + f.Title + " (" + f.Current.Name + ")"
}

func (a *Admin) renderUpload(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	ctx := r.Context()
	all, err := download.Folders(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	p, err := a.picker(r, v, formIDs(f.Values["company_id"]), "")
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	p.Error = f.Error(ctx, "company_id")
	limit, err := download.MaxUpload(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	folder, _ := strconv.ParseInt(f.Get("folder_id"), 10, 64)
	web.Render(w, r, status, downloadUploadPage(v.chrome(r, "downloads_admin.upload"), f,
		folderChoices(ctx, all, 0, folder), p, limit))
}
