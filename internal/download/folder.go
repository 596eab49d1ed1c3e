package download

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

const folderColumns = `id, tenant_id, COALESCE(parent_id, 0), name, position, created_at, updated_at`

func scanFolder(row interface{ Scan(...any) error }) (Folder, error) {
	var f Folder
	var created, updated int64
	err := row.Scan(&f.ID, &f.TenantID, &f.ParentID, &f.Name, &f.Position, &created, &updated)
	f.CreatedAt, f.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return f, db.One(err)
}

// GetFolder loads a folder of the tenant; another tenant's folder is db.ErrNotFound.
func GetFolder(ctx context.Context, q db.Querier, tenantID, id int64) (Folder, error) {
	return scanFolder(q.QueryRow(ctx, `SELECT `+folderColumns+` FROM download_folders WHERE tenant_id = ? AND id = ?`,
		tenantID, id))
}

// Folders lists all folders of the tenant by position and name. A download area holds
// tens or hundreds of folders, so the whole tree is read at once and shaped in Go.
func Folders(ctx context.Context, q db.Querier, tenantID int64) ([]Folder, error) {
	rows, err := q.Query(ctx, `SELECT `+folderColumns+` FROM download_folders WHERE tenant_id = ?
		ORDER BY position, name, id`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("download: folders: %w", err)
	}
	defer rows.Close()
	var out []Folder
	for rows.Next() {
		f, err := scanFolder(rows)
		if err != nil {
			return nil, fmt.Errorf("download: folders: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// ValidateFolder checks name and parent. The parent must be a folder of the tenant and
// neither f itself nor one of its subfolders, so the folders always form a tree. The
// back office calls it also when a field it reads itself (the position) is already
// wrong, so the form names every error at once.
func ValidateFolder(ctx context.Context, q db.Querier, f Folder) error {
	f.Name = folderName(f.Name)
	e := validate.Errors{}
	e.Text("name", f.Name, true, MaxFolderName)
	if f.ParentID != 0 {
		all, err := Folders(ctx, q, f.TenantID)
		if err != nil {
			return err
		}
		chain := Path(all, f.ParentID)
		switch {
		case len(chain) == 0:
			e.Add("parent_id", "downloads_admin.folder_parent_unknown", nil)
		case f.ID != 0 && containsFolder(chain, f.ID):
			e.Add("parent_id", "downloads_admin.folder_cycle", nil)
		}
	}
	if e.Any() {
		return e
	}
	return nil
}

func containsFolder(fs []Folder, id int64) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}

// folderName tidies a typed folder name: one line, no control characters.
func folderName(s string) string { return validate.Line(validate.Clean(s)) }

// CreateFolder stores a new folder.
func CreateFolder(ctx context.Context, q db.Querier, f Folder, now time.Time) (Folder, error) {
	f.Name = folderName(f.Name)
	if err := ValidateFolder(ctx, q, f); err != nil {
		return f, err
	}
	id, err := db.Insert(ctx, q, `INSERT INTO download_folders (tenant_id, parent_id, name, position, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`, f.TenantID, nullID(f.ParentID), f.Name, f.Position, now.Unix(), now.Unix())
	if err != nil {
		return f, fmt.Errorf("download: create folder: %w", err)
	}
	f.ID, f.CreatedAt, f.UpdatedAt = id, now, now
	return f, nil
}

// UpdateFolder renames, reorders or moves a folder.
func UpdateFolder(ctx context.Context, q db.Querier, f Folder, now time.Time) error {
	f.Name = folderName(f.Name)
	if err := ValidateFolder(ctx, q, f); err != nil {
		return err
	}
	res, err := q.Exec(ctx, `UPDATE download_folders SET parent_id = ?, name = ?, position = ?, updated_at = ?
		WHERE tenant_id = ? AND id = ?`, nullID(f.ParentID), f.Name, f.Position, now.Unix(), f.TenantID, f.ID)
	if err != nil {
		return fmt.Errorf("download: update folder: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return db.ErrNotFound
	}
	return nil
}

// DeleteFolder removes an empty folder; one with subfolders or files is
// ErrFolderNotEmpty, so no file disappears with a folder by accident.
func DeleteFolder(ctx context.Context, q db.Querier, tenantID, id int64) error {
	var n int
	err := q.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM download_folders WHERE tenant_id = ? AND parent_id = ?)
		+ (SELECT COUNT(*) FROM download_files WHERE tenant_id = ? AND folder_id = ?)`, tenantID, id, tenantID, id).Scan(&n)
	if err != nil {
		return fmt.Errorf("download: delete folder: %w", err)
	}
	if n > 0 {
		return ErrFolderNotEmpty
	}
	res, err := q.Exec(ctx, `DELETE FROM download_folders WHERE tenant_id = ? AND id = ?`, tenantID, id)
	if err != nil {
		return fmt.Errorf("download: delete folder: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return db.ErrNotFound
	}
	return nil
}

// Tree orders folders depth first (each folder followed by its subfolders, siblings by
// position and name) and sets their depth, for indented lists and selects. Folders whose
// parent is not in the list are left out.
func Tree(all []Folder) []Folder {
	kids := map[int64][]Folder{}
	for _, f := range all {
		kids[f.ParentID] = append(kids[f.ParentID], f)
	}
	for _, k := range kids {
		sort.SliceStable(k, func(i, j int) bool {
			if k[i].Position != k[j].Position {
				return k[i].Position < k[j].Position
			}
			return strings.ToLower(k[i].Name) < strings.ToLower(k[j].Name)
		})
	}
	var out []Folder
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, f := range kids[parent] {
			f.Depth = depth
			out = append(out, f)
			if depth < 64 { // the tree cannot have cycles; the bound only keeps a bug from hanging
				walk(f.ID, depth+1)
			}
		}
	}
	walk(0, 0)
	return out
}

// Children returns the direct subfolders of parent (0: the top level) in Tree order.
func Children(all []Folder, parent int64) []Folder {
	var out []Folder
	for _, f := range Tree(all) {
		if f.ParentID == parent {
			out = append(out, f)
		}
	}
	return out
}

// Path returns the folder id and its ancestors, top level first, for breadcrumbs; empty
// when id is not among all.
func Path(all []Folder, id int64) []Folder {
	byID := make(map[int64]Folder, len(all))
	for _, f := range all {
		byID[f.ID] = f
	}
	var out []Folder
	for id != 0 && len(out) <= len(all) {
		f, ok := byID[id]
		if !ok {
			return nil
		}
		out = append([]Folder{f}, out...)
		id = f.ParentID
	}
	return out
}
