package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// downloadView is a list page of the download area: the top level, a folder, or the
// results of a search.
type downloadView struct {
	Folder  download.Folder   // the folder shown; ID 0 at the top level
	Path    []download.Folder // the folder and those above it, for the breadcrumbs
	Folders []download.Folder // subfolders holding something the company may see
	Files   []download.File
	// Paths holds, while searching, the folder path of each result's folder by folder
	// id (nil for the top level), so every result says where it lies.
	Paths  map[int64][]download.Folder
	Search string
	Pager  web.Pager
	// Subscribed: the contact hears of new files in the folder shown (not at the top).
	Subscribed bool
}

// downloadList is the download area's start: top-level folders and files, newest
// first, or the files of every folder matching ?q=.
func (p *Portal) downloadList(w http.ResponseWriter, r *http.Request, v *visit) {
	p.renderDownloads(w, r, v, 0)
}

func (p *Portal) renderDownloads(w http.ResponseWriter, r *http.Request, v *visit, folderID int64) {
	ctx := r.Context()
	folders, names, err := p.contactFolders(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	// Cut to the box's maxlength: a longer query from a hand-made address would be
	// searched and echoed ("Results for …") in full.
	dv := downloadView{Search: download.SearchQuery(r.URL.Query().Get("q"))}
	if folderID != 0 {
		dv.Path = download.Path(folders, folderID)
		if len(dv.Path) == 0 {
			// A folder of another of the contact's companies asks to switch there.
			if done, err := p.offerSwitch(w, r, v, p.folderSwitch(), folderID); done || err != nil {
				if err != nil {
					p.env.Fail(w, r, err)
				}
				return
			}
			p.env.Fail(w, r, db.ErrNotFound)
			return
		}
		dv.Folder = dv.Path[len(dv.Path)-1]
		dv.Search = "" // a search always covers every folder (the form posts to /downloads)
	}
	if dv.Search == "" {
		dv.Folders = download.Children(folders, folderID)
	}
	if dv.Folder.ID != 0 {
		if dv.Subscribed, err = download.Subscribed(ctx, p.env.DB, v.P, download.Target{FolderID: dv.Folder.ID}); err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	path := r.URL.Path
	// The page links carry the search as it was cut, not the whole paste.
	pq := web.Without(r.URL.Query(), "q")
	if dv.Search != "" {
		pq.Set("q", dv.Search)
	}
	dv.Pager = web.Pager{Page: web.Page(r), Path: path, Query: pq}
	dv.Files, dv.Pager.HasNext, err = download.ListForContact(ctx, p.env.DB, v.P, download.ListParams{FolderID: folderID,
		Search: dv.Search, Names: names, Lang: i18n.From(ctx).Lang, Offset: dv.Pager.Offset(), Limit: web.PerPage})
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if dv.Search != "" {
		dv.Paths = map[int64][]download.Folder{}
		for _, f := range dv.Files {
			if _, ok := dv.Paths[f.FolderID]; !ok && f.FolderID != 0 {
				dv.Paths[f.FolderID] = download.Path(folders, f.FolderID)
			}
		}
	}
	c := v.chrome(r, "downloads.title", "downloads")
	if dv.Folder.ID != 0 {
		c.Title = dv.Folder.Name
	}
	web.Render(w, r, http.StatusOK, downloadsPage(c, dv))
}
