package download

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// recipients is the FROM and WHERE of the subscriptions told of a version of file f:
// those of its folder and of the folders above it, and for a new version (not the
// first) also those of the file, each only while the membership of the company it was
// made for is active and that company may see the file. QueueNotices sends by it and
// the file's page counts by it, so the count is who would be told. It selects from
// subscriptions s; ok is false when nobody can subscribe (a first version at the top
// level).
func recipients(ctx context.Context, q db.Querier, tenantID int64, f File, newVersion bool) (from string, args []any, ok bool, err error) {
	// Subscribers of the file's folder and the folders above it hear of everything
	// published there, new versions included (a folder of firmware is followed for new
	// firmware); those of the file itself only of its new versions.
	var folders []any
	if f.FolderID != 0 { // nobody subscribes to the top level
		all, err := Folders(ctx, q, tenantID)
		if err != nil {
			return "", nil, false, err
		}
		for _, fo := range Path(all, f.FolderID) {
			folders = append(folders, fo.ID)
		}
	}
	var conds []string
	if newVersion {
		conds, args = append(conds, `s.file_id = ?`), append(args, f.ID)
	}
	if len(folders) > 0 {
		conds, args = append(conds, `s.folder_id IN (`+db.Marks(len(folders))+`)`), append(args, folders...)
	}
	if len(conds) == 0 {
		return "", nil, false, nil
	}
	return ` FROM download_subscriptions s
		JOIN download_files f ON f.tenant_id = s.tenant_id AND f.id = ?
		JOIN memberships m ON m.contact_id = s.contact_id AND m.company_id = s.company_id AND m.access = 'active'
		WHERE s.tenant_id = ? AND (` + strings.Join(conds, ` OR `) + `) AND (f.visibility = 'all' OR EXISTS (SELECT 1
			FROM download_file_companies fc WHERE fc.file_id = f.id AND fc.company_id = s.company_id))`,
		append([]any{f.ID, tenantID}, args...), true, nil
}

// VersionRecipientCount counts who would be told of a new version of the tenant's
// file: each contact once per company they would hear of it for, whether they
// subscribe to the file, its folder or a folder above it.
func VersionRecipientCount(ctx context.Context, q db.Querier, tenantID, fileID int64) (int, error) {
	f, err := Get(ctx, q, tenantID, fileID)
	if err != nil {
		return 0, err
	}
	from, args, ok, err := recipients(ctx, q, tenantID, f, true)
	if err != nil || !ok {
		return 0, err
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT DISTINCT s.contact_id, s.company_id`+from+`) r`,
		args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("download: recipient count of %d: %w", fileID, err)
	}
	return n, nil
}

// VersionRecipients lists, by name, up to limit of those VersionRecipientCount counts,
// with the company each would be told for.
func VersionRecipients(ctx context.Context, q db.Querier, tenantID, fileID int64, limit int) ([]Subscriber, error) {
	f, err := Get(ctx, q, tenantID, fileID)
	if err != nil {
		return nil, err
	}
	from, args, ok, err := recipients(ctx, q, tenantID, f, true)
	if err != nil || !ok {
		return nil, err
	}
	rows, err := q.Query(ctx, `SELECT c.id, TRIM(c.first_name || ' ' || c.last_name), co.name
		FROM (SELECT DISTINCT s.contact_id, s.company_id`+from+`) r
		JOIN contacts c ON c.id = r.contact_id JOIN companies co ON co.id = r.company_id
		ORDER BY c.last_name, c.first_name, co.name, c.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("download: recipients of %d: %w", fileID, err)
	}
	defer rows.Close()
	var out []Subscriber
	for rows.Next() {
		var s Subscriber
		if err := rows.Scan(&s.ContactID, &s.Name, &s.Company); err != nil {
			return nil, fmt.Errorf("download: recipients of %d: %w", fileID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
