package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadListView is the back office's view of one folder (or the top level, or a
// search): its subfolders, its files with their counts, and the new-folder form.
type downloadListView struct {
	Folder  download.Folder
	Path    []download.Folder
	Folders []download.Folder
	Files   []download.File
	Search  string
	Pager   web.Pager
	Form    web.Form // new subfolder
	// Subscribers of the folder shown (not at the top level).
	Subscribers subscriberInfo
}

// downloadList shows a folder of the download area (?folder=, top level without).
func (a *Admin) downloadList(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("position", "0")
	a.renderDownloadList(w, r, v, f, http.StatusOK)
}

func (a *Admin) renderDownloadList(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	ctx := r.Context()
	q := r.URL.Query()
	folderID, _ := strconv.ParseInt(q.Get("folder"), 10, 64)
	if f.Get("parent_id") != "" { // re-shown after a failed new-folder form
		folderID, _ = strconv.ParseInt(f.Get("parent_id"), 10, 64)
	}
	all, err := download.Folders(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	// Cut as the portal's search is: a pasted essay is neither searched nor echoed whole.
	lv := downloadListView{Search: download.SearchQuery(q.Get("q")), Form: f}
	if folderID > 0 {
		if lv.Path = download.Path(all, folderID); len(lv.Path) == 0 {
			a.env.Fail(w, r, db.ErrNotFound)
			return
		}
		lv.Folder = lv.Path[len(lv.Path)-1]
	}
	if lv.Search == "" {
		lv.Folders = download.Children(all, lv.Folder.ID)
	}
	// The page links carry the search as it was cut, not the whole paste.
	pq := web.Without(q, "q")
	if lv.Search != "" {
		pq.Set("q", lv.Search)
	}
	lv.Pager = web.Pager{Page: web.Page(r), Path: "/admin/downloads", Query: pq}
	lv.Files, lv.Pager.HasNext, err = download.List(ctx, a.env.DB, v.P.TenantID, download.ListParams{FolderID: lv.Folder.ID,
		Search: lv.Search, Offset: lv.Pager.Offset(), Limit: web.PerPage})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if lv.Folder.ID != 0 {
		if lv.Subscribers, err = a.subscribers(ctx, v, download.Target{FolderID: lv.Folder.ID}); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	c := v.chrome(r, "downloads_admin.title")
	if lv.Folder.ID != 0 {
		c.Title = lv.Folder.Name
	}
	web.Render(w, r, status, downloadListPage(c, lv, v.Member.IsAdmin()))
}

// folderHref is the back office's list of a folder.
func folderHref(id int64) string {
	if id == 0 {
		return "/admin/downloads"
	}
	return "/admin/downloads?folder=" + strconv.FormatInt(id, 10)
}
