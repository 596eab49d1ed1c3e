package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// ContactDownload is one of a contact's own downloads, for their data export.
type ContactDownload struct {
	ID       int64
	At       time.Time
	Company  string // the company the download was made for; "" once it is deleted
	Title    string // the file's title as it is now
	FileName string // the name of the version downloaded
	Version  int
}

// ContactLog lists the downloads the contact made, oldest first, after the log entry
// after (0: from the start), at most limit: an export pages through it (keyset) instead
// of holding a long log in memory.
func ContactLog(ctx context.Context, q db.Querier, tenantID, contactID, after int64, limit int) ([]ContactDownload, error) {
	rows, err := q.Query(ctx, `SELECT l.id, l.at, COALESCE(co.name, ''), f.title, v.original_name, v.number
		FROM download_log l JOIN download_files f ON f.id = l.file_id
		JOIN download_versions v ON v.id = l.version_id
		LEFT JOIN companies co ON co.id = l.company_id
		WHERE l.tenant_id = ? AND l.contact_id = ? AND l.id > ? ORDER BY l.id LIMIT ?`, tenantID, contactID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("download: log of contact: %w", err)
	}
	defer rows.Close()
	var out []ContactDownload
	for rows.Next() {
		var d ContactDownload
		var at int64
		if err := rows.Scan(&d.ID, &at, &d.Company, &d.Title, &d.FileName, &d.Version); err != nil {
			return nil, fmt.Errorf("download: log of contact: %w", err)
		}
		d.At = time.Unix(at, 0)
		out = append(out, d)
	}
	return out, rows.Err()
}
