package cli

import (
	"context"
	"log/slog"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/kb"
	"pforte/internal/ticket"
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

// indexOlderMessages indexes, in the background, the conversation of tickets written
// before the conversation search existed (ticket.IndexOlder), and closes done when it
// stops: finished, failed (logged; the next start goes on where it stopped) or
// cancelled at shutdown.
func indexOlderMessages(ctx context.Context, d *db.DB, log *slog.Logger, done chan<- struct{}) {
	defer close(done)
	start := time.Now()
	n, err := ticket.IndexOlder(ctx, d)
	if err != nil && ctx.Err() == nil {
		log.Error("conversation search: indexing older messages", "err", err, "indexed", n)
		return
	}
	if n > 0 {
		log.Info("conversation search: older messages indexed", "messages", n, "took", time.Since(start).Round(time.Millisecond))
	}
}
