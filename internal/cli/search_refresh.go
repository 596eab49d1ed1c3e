package cli

import (
	"context"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/kb"
)

// refreshSearch brings the stored search text of knowledge base texts, download files
// and companies up to date after a release changed how it is made (Thai marks inside
// words, spellings without umlauts or accents). Migrations cannot do it: the text comes
// from Go code, which SQL on two engines would not repeat exactly. Each step runs once
// per version of its text (db.Refresh) and writes only outdated rows.
func refreshSearch(ctx context.Context, d *db.DB) error {
	if _, err := kb.RefreshSearch(ctx, d); err != nil {
		return err
	}
	if _, err := download.RefreshSearch(ctx, d); err != nil {
		return err
	}
	_, err := company.RefreshSearch(ctx, d)
	return err
}
