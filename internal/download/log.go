package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// Record counts a download of version by the principal's contact for its company and
// writes it to the download log. Pass a transaction: the counters and the log entry
// agree.
func Record(ctx context.Context, q db.Querier, p principal.Contact, v Version, now time.Time) error {
	if !p.Valid() || v.TenantID != p.TenantID {
		return db.ErrNotFound
	}
	if _, err := q.Exec(ctx, `INSERT INTO download_log (tenant_id, file_id, version_id, contact_id, company_id, at)
		VALUES (?, ?, ?, ?, ?, ?)`, p.TenantID, v.FileID, v.ID, p.ContactID, p.CompanyID, now.Unix()); err != nil {
		return fmt.Errorf("download: log: %w", err)
	}
	if _, err := q.Exec(ctx, `UPDATE download_files SET downloads = downloads + 1 WHERE tenant_id = ? AND id = ?`,
		p.TenantID, v.FileID); err != nil {
		return fmt.Errorf("download: count: %w", err)
	}
	if _, err := q.Exec(ctx, `UPDATE download_versions SET downloads = downloads + 1 WHERE tenant_id = ? AND id = ?`,
		p.TenantID, v.ID); err != nil {
		return fmt.Errorf("download: count: %w", err)
	}
	return nil
}

// LogEntry is one download as staff see it. Contact and company are read as they are
// now; a deleted contact or company leaves the entry without a name.
type LogEntry struct {
	ID            int64
	At            time.Time
	VersionID     int64
	VersionNumber int
	ContactID     int64
	ContactName   string
	ContactEmail  string
	CompanyID     int64
	CompanyName   string
}

// Log lists the downloads of a file, newest first, older than beforeID when set (keyset
// paging: a popular file's long log costs no more on its last page than on its first).
func Log(ctx context.Context, q db.Querier, tenantID, fileID, beforeID int64, limit int) ([]LogEntry, error) {
	where, args := `l.tenant_id = ? AND l.file_id = ?`, []any{tenantID, fileID}
	if beforeID > 0 {
		where += ` AND l.id < ?`
		args = append(args, beforeID)
	}
	rows, err := q.Query(ctx, `SELECT l.id, l.at, l.version_id, v.number, COALESCE(l.contact_id, 0),
		COALESCE(TRIM(ct.first_name || ' ' || ct.last_name), ''), COALESCE(ct.email, ''), COALESCE(l.company_id, 0),
		COALESCE(co.name, '')
		FROM download_log l JOIN download_versions v ON v.id = l.version_id
		LEFT JOIN contacts ct ON ct.id = l.contact_id LEFT JOIN companies co ON co.id = l.company_id
		WHERE `+where+` ORDER BY l.id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("download: log of %d: %w", fileID, err)
	}
	defer rows.Close()
	var out []LogEntry
	for rows.Next() {
		var e LogEntry
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.VersionID, &e.VersionNumber, &e.ContactID, &e.ContactName, &e.ContactEmail,
			&e.CompanyID, &e.CompanyName); err != nil {
			return nil, fmt.Errorf("download: log of %d: %w", fileID, err)
		}
		e.At = time.Unix(at, 0)
		out = append(out, e)
	}
	return out, rows.Err()
}
