package download

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/localname"
)

// folderNames is where folder names in other languages live (migration 00045).
var folderNames = localname.Table{Names: "download_folder_names", Ref: "folder_id", Rows: "download_folders"}

// FolderNames are a tenant's folder names in the portal's languages; a language
// without one shows the main name. Portal pages load them once per request with the
// folder tree and rename the folders, so breadcrumbs, subfolders and the folder paths
// of search results all read the same.
type FolderNames struct{ localname.Names }

// LoadFolderNames reads the tenant's folder names in other languages.
func LoadFolderNames(ctx context.Context, q db.Querier, tenantID int64) (FolderNames, error) {
	n, err := localname.Load(ctx, q, folderNames, tenantID)
	return FolderNames{n}, err
}

// SaveFolderNames replaces the names of the tenant's folder id by language (empty: the
// main name), checked like the main name (MaxFolderName). changed reports whether
// anything differs from before; another tenant's folder is db.ErrNotFound.
func SaveFolderNames(ctx context.Context, q db.Querier, tenantID, id int64, names map[string]string) (changed bool, err error) {
	return localname.Save(ctx, q, folderNames, tenantID, id, names, MaxFolderName)
}

// Folders renames fs into lang.
func (n FolderNames) Folders(lang string, fs []Folder) {
	for i, f := range fs {
		fs[i].Name = n.Name(lang, f.ID, f.Name)
	}
}
