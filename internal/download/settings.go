package download

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// MaxUpload returns the tenant's upload limit for downloads in bytes: its own setting,
// or DefaultMaxUpload when it has none.
func MaxUpload(ctx context.Context, q db.Querier, tenantID int64) (int64, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT max_upload_bytes FROM download_settings WHERE tenant_id = ?`, tenantID).Scan(&n)
	if errors.Is(db.One(err), db.ErrNotFound) {
		return DefaultMaxUpload, nil
	}
	if err != nil {
		return 0, fmt.Errorf("download: settings: %w", err)
	}
	return n, nil
}

// SetMaxUpload stores the tenant's upload limit, bounded to 1 byte … MaxUploadCeiling.
func SetMaxUpload(ctx context.Context, q db.Querier, tenantID, n int64) error {
	n = max(1, min(n, MaxUploadCeiling))
	_, err := q.Exec(ctx, `INSERT INTO download_settings (tenant_id, max_upload_bytes) VALUES (?, ?)
		ON CONFLICT (tenant_id) DO UPDATE SET max_upload_bytes = excluded.max_upload_bytes`, tenantID, n)
	if err != nil {
		return fmt.Errorf("download: settings: %w", err)
	}
	return nil
}
