package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/i18n"
)

// contactFolders is the folder tree the contact may see, each folder named in their
// language (the main name where staff gave none). Everything a page shows of a folder
// comes from this tree — subfolders, breadcrumbs, a result's folder path — so all read
// alike. The names come along for the search, which finds folders by them too.
func (p *Portal) contactFolders(r *http.Request, v *visit) ([]download.Folder, download.FolderNames, error) {
	ctx := r.Context()
	folders, err := download.FoldersForContact(ctx, p.env.DB, v.P)
	if err != nil {
		return nil, download.FolderNames{}, err
	}
	names, err := download.LoadFolderNames(ctx, p.env.DB, v.P.TenantID)
	if err != nil {
		return nil, download.FolderNames{}, err
	}
	names.Folders(i18n.From(ctx).Lang, folders)
	return folders, names, nil
}
