package cli

import (
	"context"
	"path/filepath"
	"time"

	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/filestore"
)

// loadDemoFiles adds the demo tenant's download area. Its contents go to the file store
// in the data directory, where the server keeps uploads (server.New uses the same path).
func loadDemoFiles(ctx context.Context, d *db.DB, cfg config.Config) error {
	files, err := filestore.New(filepath.Join(cfg.DataDir, "files"))
	if err != nil {
		return err
	}
	return demo.LoadDownloads(ctx, d, files, time.Now())
}
