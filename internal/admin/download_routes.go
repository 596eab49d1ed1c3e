package admin

import "pforte/internal/web"

// downloadRoutes are the back office's pages of the download area. Admins and agents
// both publish files; only admins change the upload limit.
func (a *Admin) downloadRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/downloads", Handler: a.staff(a.downloadList)},
		{Pattern: "POST /admin/downloads/folders", Handler: a.staff(a.folderCreate)},
		{Pattern: "GET /admin/downloads/folders/{id}", Handler: a.staff(a.folderEdit)},
		{Pattern: "POST /admin/downloads/folders/{id}", Handler: a.staff(a.folderUpdate)},
		{Pattern: "POST /admin/downloads/folders/{id}/delete", Handler: a.staff(a.folderDelete)},
		{Pattern: "GET /admin/downloads/folders/{id}/names", Handler: a.staff(a.folderNames)},
		{Pattern: "POST /admin/downloads/folders/{id}/names", Handler: a.staff(a.folderNamesSave)},
		{Pattern: "GET /admin/downloads/files/new", Handler: a.staff(a.downloadNew)},
		{Pattern: "POST /admin/downloads/files", Handler: a.staff(a.downloadCreate)},
		{Pattern: "GET /admin/downloads/files/{id}", Handler: a.staff(a.downloadShow)},
		{Pattern: "POST /admin/downloads/files/{id}", Handler: a.staff(a.downloadUpdate)},
		{Pattern: "POST /admin/downloads/files/{id}/versions", Handler: a.staff(a.downloadVersionAdd)},
		{Pattern: "POST /admin/downloads/files/{id}/delete", Handler: a.staff(a.downloadDelete)},
		{Pattern: "GET /admin/downloads/versions/{id}/download", Handler: a.staff(a.downloadVersionGet)},
		{Pattern: "POST /admin/downloads/versions/{id}/delete", Handler: a.staff(a.downloadVersionDelete)},
		{Pattern: "GET /admin/downloads/companies", Handler: a.staff(a.downloadCompanies)},
		{Pattern: "GET /admin/downloads/settings", Handler: a.adminOnly(a.downloadSettings)},
		{Pattern: "POST /admin/downloads/settings", Handler: a.adminOnly(a.downloadSettingsSave)},
	}
}
