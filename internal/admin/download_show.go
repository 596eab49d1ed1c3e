package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadFileView is a file's page in the back office: details and counts, the edit
// form, the versions, the form for a new version and the download log.
type downloadFileView struct {
	File     download.File
	Path     []download.Folder
	Versions []download.Version
	Log      []download.LogEntry
	Newest   string // link to the log's first page when on a later one
	Older    string // link to the log's next page
	Edit     web.Form
	Folders  []web.Choice
	Picker   companyPicker
	Upload   web.Form // new version
	Limit    int64
	// Subscribers are the contacts who asked to hear of new versions.
	Subscribers subscriberInfo
}

// downloadShow shows a file with its versions and who downloaded it.
func (a *Admin) downloadShow(w http.ResponseWriter, r *http.Request, v *visit) {
	f, ok := a.loadFile(w, r, v)
	if !ok {
		return
	}
	cs, err := download.Companies(r.Context(), a.env.DB, v.P.TenantID, f.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	edit := web.NewForm()
	edit.Set("title", f.Title)
	edit.Set("description", f.Description)
	edit.Set("folder_id", strconv.FormatInt(f.FolderID, 10))
	edit.Set("visibility", f.Visibility)
	for _, c := range cs {
		edit.Values.Add("company_id", strconv.FormatInt(c.ID, 10))
	}
	a.renderFile(w, r, v, f, edit, web.NewForm(), http.StatusOK)
}

func (a *Admin) loadFile(w http.ResponseWriter, r *http.Request, v *visit) (download.File, bool) {
	return loadByPath(a, w, r, v, download.Get)
}

// renderFile shows the file's page with the given edit and new-version forms.
func (a *Admin) renderFile(w http.ResponseWriter, r *http.Request, v *visit, f download.File, edit, upload web.Form, status int) {
	ctx := r.Context()
	fv := downloadFileView{File: f, Edit: edit, Upload: upload}
	all, err := download.Folders(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	fv.Path = download.Path(all, f.FolderID)
	folder, _ := strconv.ParseInt(edit.Get("folder_id"), 10, 64)
	fv.Folders = folderChoices(ctx, all, 0, folder)
	if fv.Picker, err = a.picker(r, v, formIDs(edit.Values["company_id"]), ""); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	fv.Picker.Error = edit.Error(ctx, "company_id")
	if fv.Versions, err = download.Versions(ctx, a.env.DB, v.P.TenantID, f.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	before := keysetBefore(r)
	if fv.Log, err = download.Log(ctx, a.env.DB, v.P.TenantID, f.ID, before, web.PerPage+1); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	path := "/admin/downloads/files/" + itoa(f.ID)
	if len(fv.Log) > web.PerPage {
		fv.Log = fv.Log[:web.PerPage]
		fv.Older = olderLink(path, fv.Log[len(fv.Log)-1].ID) + "#log"
	}
	if before > 0 {
		fv.Newest = path + "#log"
	}
	if fv.Limit, err = download.MaxUpload(ctx, a.env.DB, v.P.TenantID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if fv.Subscribers, err = a.subscribers(ctx, v, download.Target{FileID: f.ID}); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	c := v.chrome(r, "downloads_admin.title")
	c.Title = f.Title
	web.Render(w, r, status, downloadFilePage(c, fv))
}

// shortHash shows the start of a hash; the full one is in the title attribute.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}
