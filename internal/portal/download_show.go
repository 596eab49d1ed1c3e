package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadShow is a file's page: its description, the current version to download and
// the older versions as history. Another company's or tenant's file is a 404.
func (p *Portal) downloadShow(w http.ResponseWriter, r *http.Request, v *visit) {
	f, ok := p.loadFile(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	versions, err := download.VersionsForContact(ctx, p.env.DB, v.P, f.ID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	folders, _, err := p.contactFolders(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	sub, err := download.Subscribed(ctx, p.env.DB, v.P, download.Target{FileID: f.ID})
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	c := v.chrome(r, "downloads.title", "downloads")
	c.Title = f.Title
	web.Render(w, r, http.StatusOK, downloadFilePage(c, f, versions, download.Path(folders, f.FolderID), sub))
}

// loadFile finds the file of the URL the active company may see; anything else is a
// 404. A file the contact may see in another of their companies — a download notice
// is sent per company — is answered, on a GET, with the question whether to switch.
func (p *Portal) loadFile(w http.ResponseWriter, r *http.Request, v *visit) (download.File, bool) {
	return loadOrOffer(p, w, r, v, p.fileSwitch(), download.ForContact)
}
