package admin

import (
	"net/http"
	"strconv"

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
	kept, err := download.KeptOf(ctx, a.env.DB, keptOwner(v), keptFormIDs(f.Values["kept"]))
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	folder, _ := strconv.ParseInt(f.Get("folder_id"), 10, 64)
	web.Render(w, r, status, downloadUploadPage(v.chrome(r, "downloads_admin.upload"), f,
		folderChoices(ctx, all, 0, folder), p, limit, kept))
}
