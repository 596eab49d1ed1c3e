package download

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// ErrLastVersion refuses deleting a file's only version: the file is deleted instead.
var ErrLastVersion = errors.New("download: the last version of a file")

// DeleteVersion removes one version of a file of the tenant (a wrong upload) with its
// download log and notices, and returns it; its storage key is for the caller to
// delete from the file store once the transaction has committed. The file's only
// version is refused (ErrLastVersion). When it was the current version, the newest
// remaining one becomes current, and the file's search text takes its name.
func DeleteVersion(ctx context.Context, q db.Querier, tenantID, versionID int64) (Version, error) {
	v, err := GetVersion(ctx, q, tenantID, versionID)
	if err != nil {
		return v, err
	}
	// Touching the file first locks its row on PostgreSQL, so two deletions of its last
	// two versions at the same moment cannot both pass the count below.
	if _, err := q.Exec(ctx, `UPDATE download_files SET updated_at = updated_at WHERE tenant_id = ? AND id = ?`,
		tenantID, v.FileID); err != nil {
		return v, fmt.Errorf("download: delete version %d: %w", versionID, err)
	}
	vs, err := Versions(ctx, q, tenantID, v.FileID) // newest first
	if err != nil {
		return v, err
	}
	if len(vs) < 2 {
		return v, ErrLastVersion
	}
	if _, err := q.Exec(ctx, `DELETE FROM download_versions WHERE tenant_id = ? AND id = ?`, tenantID, versionID); err != nil {
		return v, fmt.Errorf("download: delete version %d: %w", versionID, err)
	}
	newest := vs[0]
	if newest.ID == versionID {
		newest = vs[1]
	}
	var title, description string
	var current int64
	if err := q.QueryRow(ctx, `SELECT title, description, COALESCE(current_version_id, 0) FROM download_files WHERE tenant_id = ? AND id = ?`,
		tenantID, v.FileID).Scan(&title, &description, &current); err != nil {
		return v, fmt.Errorf("download: delete version %d: %w", versionID, err)
	}
	if current == versionID {
		if _, err := q.Exec(ctx, `UPDATE download_files SET current_version_id = ?, search = ? WHERE tenant_id = ? AND id = ?`,
			newest.ID, searchText(title, description, newest.Name), tenantID, v.FileID); err != nil {
			return v, fmt.Errorf("download: delete version %d: %w", versionID, err)
		}
	}
	return v, nil
}
