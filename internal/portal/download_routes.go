package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadRoutes are the download area's pages: lists, a file's page with its versions,
// and the downloads themselves.
func (p *Portal) downloadRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /downloads", Handler: p.downloads(p.downloadList)},
		{Pattern: "GET /downloads/folders/{id}", Handler: p.downloads(p.downloadFolder)},
		{Pattern: "GET /downloads/files/{id}", Handler: p.downloads(p.downloadShow)},
		{Pattern: "GET /downloads/files/{id}/download", Handler: p.downloads(p.downloadCurrent)},
		{Pattern: "GET /downloads/versions/{id}/download", Handler: p.downloads(p.downloadVersion)},
		// Subscriptions: mails about new files in a folder, new versions of a file.
		{Pattern: "POST /downloads/folders/{id}/subscribe", Handler: p.downloads(p.downloadSubscribe(true, true))},
		{Pattern: "POST /downloads/folders/{id}/unsubscribe", Handler: p.downloads(p.downloadSubscribe(true, false))},
		{Pattern: "POST /downloads/files/{id}/subscribe", Handler: p.downloads(p.downloadSubscribe(false, true))},
		{Pattern: "POST /downloads/files/{id}/unsubscribe", Handler: p.downloads(p.downloadSubscribe(false, false))},
		// A link to another of the contact's companies' file or folder asks to switch.
		{Pattern: "POST /downloads/files/{id}/switch", Handler: p.downloads(p.switchTo(p.fileSwitch()))},
		{Pattern: "POST /downloads/folders/{id}/switch", Handler: p.downloads(p.switchTo(p.folderSwitch()))},
		{Pattern: "POST /settings/notifications/downloads/{id}/delete", Handler: p.contact(p.subscriptionDelete)},
	}
}

// downloads guards a page of the download area: a logged-in contact of a tenant that
// has the module switched on. Without the module the area does not exist (404).
func (p *Portal) downloads(h handler) http.HandlerFunc {
	return p.contact(func(w http.ResponseWriter, r *http.Request, v *visit) {
		if !v.Tenant.HasModule(download.Module) {
			p.env.NotFound(w, r)
			return
		}
		h(w, r, v)
	})
}
