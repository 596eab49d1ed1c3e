package db_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeDownloadSearchNames: files stored before migration 27 become searchable
// by their current file name (with extension), while their search text keeps what it
// held.
func TestUpgradeDownloadSearchNames(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := upgraded(t, e, 26,
			`INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`,
			`INSERT INTO download_files (tenant_id, title, search, created_at, updated_at) SELECT id, 'Übersicht', 'übersicht ', 1, 1 FROM tenants`,
			`INSERT INTO download_files (tenant_id, title, search, created_at, updated_at) SELECT id, 'Ohne Upload', 'ohne upload ', 1, 1 FROM tenants`,
			`INSERT INTO download_versions (tenant_id, file_id, number, storage_key, original_name, size, content_type, sha256, created_at)
				SELECT tenant_id, id, 1, 'k', 'Preise-2026.CSV', 1, 'text/csv', 's', 1 FROM download_files WHERE title = 'Übersicht'`,
			`UPDATE download_files SET current_version_id = (SELECT id FROM download_versions) WHERE title = 'Übersicht'`)
		var with, without string
		d.QueryRow(ctx, `SELECT search FROM download_files WHERE title = 'Übersicht'`).Scan(&with)
		d.QueryRow(ctx, `SELECT search FROM download_files WHERE title = 'Ohne Upload'`).Scan(&without)
		if !strings.HasPrefix(with, "übersicht") || !strings.Contains(with, "preise-2026.csv") || !strings.HasPrefix(without, "ohne upload") {
			t.Errorf("search after upgrade: %q, %q", with, without)
		}
	})
}
