package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadShow is a file's page: its description, the current version to download and
// the older versions as history. Another company's or tenant's file is a 404.
func (p *Portal) downloadShow(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	f, err := download.ForContact(ctx, p.env.DB, v.P, id)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	versions, err := download.VersionsForContact(ctx, p.env.DB, v.P, id)
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
