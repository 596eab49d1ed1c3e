package download

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// visibleTo is the condition for files a company may see: of its tenant, uploaded, and
// for all customers or chosen for this company. Arguments: tenant id, company id.
const visibleTo = `f.tenant_id = ? AND f.current_version_id IS NOT NULL AND (f.visibility = 'all'
	OR EXISTS (SELECT 1 FROM download_file_companies fc WHERE fc.file_id = f.id AND fc.company_id = ?))`

// ForContact loads a file the principal's company may see; any other file — another
// company's, another tenant's, or none — is db.ErrNotFound.
func ForContact(ctx context.Context, q db.Querier, p principal.Contact, id int64) (File, error) {
	if !p.Valid() {
		return File{}, db.ErrNotFound
	}
	return scanFile(q.QueryRow(ctx, `SELECT `+fileColumns+fileFrom+`WHERE `+visibleTo+` AND f.id = ?`,
		p.TenantID, p.CompanyID, id))
}

// VersionForContact loads a version of a file the principal's company may see, with the
// file.
func VersionForContact(ctx context.Context, q db.Querier, p principal.Contact, versionID int64) (File, Version, error) {
	if !p.Valid() {
		return File{}, Version{}, db.ErrNotFound
	}
	v, err := GetVersion(ctx, q, p.TenantID, versionID)
	if err != nil {
		return File{}, v, err
	}
	f, err := ForContact(ctx, q, p, v.FileID)
	return f, v, err
}

// VersionsForContact lists the versions of a file the principal's company may see,
// newest first.
func VersionsForContact(ctx context.Context, q db.Querier, p principal.Contact, fileID int64) ([]Version, error) {
	if _, err := ForContact(ctx, q, p, fileID); err != nil {
		return nil, err
	}
	return Versions(ctx, q, p.TenantID, fileID)
}

// ListForContact returns the files of a folder (or matching a search) that the
// principal's company may see, newest first.
func ListForContact(ctx context.Context, q db.Querier, p principal.Contact, lp ListParams) ([]File, bool, error) {
	if !p.Valid() {
		return nil, false, db.ErrNotFound
	}
	where, args, err := lp.filter(ctx, q, p.TenantID, visibleTo, []any{p.TenantID, p.CompanyID})
	if err != nil {
		return nil, false, err
	}
	return page(ctx, q, lp, where, args)
}

// FoldersForContact returns the folders that hold, in them or below them, at least one
// file the principal's company may see, each with that number of files. Other folders
// are left out: an empty folder or one with only other companies' files would tell
// what the provider keeps for others.
func FoldersForContact(ctx context.Context, q db.Querier, p principal.Contact) ([]Folder, error) {
	if !p.Valid() {
		return nil, db.ErrNotFound
	}
	all, err := Folders(ctx, q, p.TenantID)
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, `SELECT f.folder_id, COUNT(*) FROM download_files f WHERE `+visibleTo+`
		AND f.folder_id IS NOT NULL GROUP BY f.folder_id`, p.TenantID, p.CompanyID)
	if err != nil {
		return nil, fmt.Errorf("download: folders for contact: %w", err)
	}
	defer rows.Close()
	counts := map[int64]int64{}
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("download: folders for contact: %w", err)
		}
		for _, f := range Path(all, id) { // a file counts for its folder and every folder above
			counts[f.ID] += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []Folder
	for _, f := range all {
		if counts[f.ID] > 0 {
			f.Files = counts[f.ID]
			out = append(out, f)
		}
	}
	return out, nil
}
