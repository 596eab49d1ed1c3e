package download

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Create stores a new file with its first version and the companies that may see it
// (for VisibleCompanies). Pass a transaction: file, version and companies belong
// together.
func Create(ctx context.Context, q db.Querier, f File, companyIDs []int64, v Version, now time.Time) (File, error) {
	f.Normalize()
	if err := checkFile(ctx, q, f, companyIDs); err != nil {
		return f, err
	}
	id, err := db.Insert(ctx, q, `INSERT INTO download_files (tenant_id, folder_id, title, description, visibility,
		search, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, f.TenantID, nullID(f.FolderID), f.Title,
		f.Description, f.Visibility, searchText(f.Title, f.Description, ""), now.Unix(), now.Unix())
	if err != nil {
		return f, fmt.Errorf("download: create: %w", err)
	}
	f.ID, f.CreatedAt = id, now
	if err := setCompanies(ctx, q, f, companyIDs); err != nil {
		return f, err
	}
	if f.Current, err = AddVersion(ctx, q, f.TenantID, f.ID, v, now); err != nil {
		return f, err
	}
	f.UpdatedAt = now
	return f, nil
}

// Update changes title, description, folder and visibility of a file and replaces the
// companies that may see it.
func Update(ctx context.Context, q db.Querier, f File, companyIDs []int64, now time.Time) error {
	f.Normalize()
	if err := checkFile(ctx, q, f, companyIDs); err != nil {
		return err
	}
	var name string
	if err := q.QueryRow(ctx, `SELECT COALESCE(v.original_name, '')`+fileFrom+`WHERE f.tenant_id = ? AND f.id = ?`,
		f.TenantID, f.ID).Scan(&name); err != nil {
		if err = db.One(err); err == db.ErrNotFound {
			return err
		}
		return fmt.Errorf("download: update %d: %w", f.ID, err)
	}
	res, err := q.Exec(ctx, `UPDATE download_files SET folder_id = ?, title = ?, description = ?, visibility = ?,
		search = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`, nullID(f.FolderID), f.Title, f.Description,
		f.Visibility, searchText(f.Title, f.Description, name), now.Unix(), f.TenantID, f.ID)
	if err != nil {
		return fmt.Errorf("download: update %d: %w", f.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return db.ErrNotFound
	}
	return setCompanies(ctx, q, f, companyIDs)
}

// checkFile validates the fields and that the folder is one of the tenant's.
func checkFile(ctx context.Context, q db.Querier, f File, companyIDs []int64) error {
	e := f.Validate(len(companyIDs))
	if f.FolderID != 0 {
		if _, err := GetFolder(ctx, q, f.TenantID, f.FolderID); errors.Is(err, db.ErrNotFound) {
			e.Add("folder_id", "downloads_admin.folder_parent_unknown", nil)
		} else if err != nil {
			return err
		}
	}
	if e.Any() {
		return e
	}
	return nil
}

// setCompanies replaces the file's companies. Ids that are not companies of the tenant
// are dropped by the INSERT … SELECT, so a forged id cannot reach another tenant. A file
// visible to all keeps no list. An archived company is refused unless the file had it
// already (see refuseArchived).
func setCompanies(ctx context.Context, q db.Querier, f File, companyIDs []int64) error {
	if err := refuseArchived(ctx, q, f, companyIDs); err != nil {
		return err
	}
	if _, err := q.Exec(ctx, `DELETE FROM download_file_companies WHERE tenant_id = ? AND file_id = ?`, f.TenantID, f.ID); err != nil {
		return fmt.Errorf("download: companies of %d: %w", f.ID, err)
	}
	if f.Visibility != VisibleCompanies {
		return nil
	}
	ids := slices.Clone(companyIDs)
	slices.Sort(ids)
	var added int
	for _, c := range slices.Compact(ids) {
		res, err := q.Exec(ctx, `INSERT INTO download_file_companies (tenant_id, file_id, company_id)
			SELECT ?, ?, id FROM companies WHERE tenant_id = ? AND id = ?`, f.TenantID, f.ID, f.TenantID, c)
		if err != nil {
			return fmt.Errorf("download: companies of %d: %w", f.ID, err)
		}
		n, _ := res.RowsAffected()
		added += int(n)
	}
	if added == 0 {
		return validate.Errors{"company_id": {ID: "downloads_admin.companies_required"}}
	}
	return nil
}

// AddVersion stores a new upload of a file and makes it the current version; the
// previous ones stay as history.
func AddVersion(ctx context.Context, q db.Querier, tenantID, fileID int64, v Version, now time.Time) (Version, error) {
	v.TenantID, v.FileID, v.CreatedAt, v.Name = tenantID, fileID, now, CleanName(v.Name)
	// Touching the file first checks that it is the tenant's and, on PostgreSQL, locks
	// its row, so two uploads at the same moment get consecutive numbers.
	res, err := q.Exec(ctx, `UPDATE download_files SET updated_at = ? WHERE tenant_id = ? AND id = ?`, now.Unix(), tenantID, fileID)
	if err != nil {
		return v, fmt.Errorf("download: version of %d: %w", fileID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return v, db.ErrNotFound
	}
	if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM download_versions WHERE tenant_id = ? AND file_id = ?`,
		tenantID, fileID).Scan(&v.Number); err != nil {
		return v, fmt.Errorf("download: version of %d: %w", fileID, err)
	}
	id, err := db.Insert(ctx, q, `INSERT INTO download_versions (tenant_id, file_id, number, storage_key, original_name,
		size, content_type, sha256, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		tenantID, fileID, v.Number, v.Key, v.Name, v.Size, v.Type, v.SHA256, v.UploadedBy, now.Unix())
	if err != nil {
		return v, fmt.Errorf("download: version of %d: %w", fileID, err)
	}
	v.ID = id
	// The new file name joins the search text (see searchText).
	var title, description string
	if err := q.QueryRow(ctx, `SELECT title, description FROM download_files WHERE tenant_id = ? AND id = ?`,
		tenantID, fileID).Scan(&title, &description); err != nil {
		return v, fmt.Errorf("download: version of %d: %w", fileID, err)
	}
	if _, err := q.Exec(ctx, `UPDATE download_files SET current_version_id = ?, search = ? WHERE tenant_id = ? AND id = ?`,
		id, searchText(title, description, v.Name), tenantID, fileID); err != nil {
		return v, fmt.Errorf("download: version of %d: %w", fileID, err)
	}
	return v, nil
}

// Delete removes a file with its versions, companies and download log, and returns the
// storage keys of its versions; the caller deletes those from the file store once the
// transaction has committed, so a rollback never leaves rows without content.
func Delete(ctx context.Context, q db.Querier, tenantID, id int64) ([]string, error) {
	vs, err := Versions(ctx, q, tenantID, id)
	if err != nil {
		return nil, err
	}
	res, err := q.Exec(ctx, `DELETE FROM download_files WHERE tenant_id = ? AND id = ?`, tenantID, id)
	if err != nil {
		return nil, fmt.Errorf("download: delete %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return nil, db.ErrNotFound
	}
	keys := make([]string, 0, len(vs))
	for _, v := range vs {
		keys = append(keys, v.Key)
	}
	return keys, nil
}

// refuseArchived refuses (on company_id) an archived company the file is not shown to
// yet: nothing new is filed under it. One the file had before stays, so that editing
// the file keeps what a restore gives back.
func refuseArchived(ctx context.Context, q db.Querier, f File, companyIDs []int64) error {
	if f.Visibility != VisibleCompanies || len(companyIDs) == 0 {
		return nil
	}
	args := []any{f.TenantID, f.ID}
	for _, id := range companyIDs {
		args = append(args, id)
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM companies c WHERE c.tenant_id = ? AND c.archived_at IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM download_file_companies d WHERE d.file_id = ? AND d.company_id = c.id)
		AND c.id IN (`+db.Marks(len(companyIDs))+`)`, args...).Scan(&n); err != nil {
		return fmt.Errorf("download: companies of %d: %w", f.ID, err)
	}
	if n > 0 {
		return validate.Errors{"company_id": {ID: "company_archive.refused"}}
	}
	return nil
}
