package server

import (
	"context"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/inbox"
	"pforte/internal/kb"
	"pforte/internal/retention"
	"pforte/internal/session"
	"pforte/internal/ticket"
)

// janitorEvery is how often expired rows are swept. Expired sessions and tokens are
// already refused when used; sweeping only keeps the tables small.
const janitorEvery = time.Hour

// RunJanitor deletes expired sessions, old login failures, spent tokens, delivered jobs,
// stale password-reset requests (portal and back office) and what the tenants'
// retention rules let go, until ctx ends. Every instance may run it: the deletes are idempotent.
func (a *App) RunJanitor(ctx context.Context) {
	t := time.NewTicker(janitorEvery)
	defer t.Stop()
	for {
		a.Sweep(ctx, time.Now())
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Sweep runs one cleanup pass.
func (a *App) Sweep(ctx context.Context, now time.Time) {
	month := now.Add(-30 * 24 * time.Hour).Unix()
	for _, q := range []struct {
		sql string
		arg int64
	}{
		// Kept an idle timeout past their end: an ended session's row tells the browser
		// that held it which company's access ended (session.TakeEnded).
		{`DELETE FROM sessions WHERE expires_at < ?`, now.Add(-session.IdleTimeout).Unix()},
		{`DELETE FROM login_failures WHERE at < ?`, now.Add(-24 * time.Hour).Unix()},
		{`DELETE FROM tokens WHERE expires_at < ? OR used_at < ?`, month},
		{`DELETE FROM jobs WHERE state = 'done' AND done_at < ?`, month},
		// A "forgot password" request whose job gave up: the link would have expired
		// within the hour anyway.
		{`DELETE FROM reset_requests WHERE created_at < ?`, now.Add(-24 * time.Hour).Unix()},
		// The same for the back office's: the address typed and the client's IP.
		{`DELETE FROM staff_reset_requests WHERE created_at < ?`, now.Add(-24 * time.Hour).Unix()},
	} {
		args := []any{q.arg}
		if strings.Count(q.sql, "?") == 2 {
			args = append(args, q.arg)
		}
		if _, err := a.DB.Exec(ctx, q.sql, args...); err != nil && ctx.Err() == nil {
			a.Log.Warn("janitor", "err", err)
		}
	}
	// Marks of what contacts read lately, once too old to hold back a count.
	if err := kb.SweepRecentViews(ctx, a.DB, now); err != nil && ctx.Err() == nil {
		a.Log.Warn("janitor", "err", err)
	}
	// Presence on tickets of pages closed without a word (ticket/presence.go).
	if err := ticket.SweepPresence(ctx, a.DB, now); err != nil && ctx.Err() == nil {
		a.Log.Warn("janitor", "err", err)
	}
	// Files of refused replies nobody sent within a day (ticket/staged.go): the rows go
	// first, so a file is deleted only once no reply can take it any more.
	keys, err := ticket.SweepStaged(ctx, a.DB, now)
	if err != nil && ctx.Err() == nil {
		a.Log.Warn("janitor: staged uploads", "err", err)
	}
	for _, k := range keys {
		if err := a.Env.Files.Delete(k); err != nil {
			a.Log.Warn("janitor: staged upload file", "err", err)
		}
	}
	// Files of refused download uploads nobody published within a day (download/kept.go).
	keys, err = download.SweepKept(ctx, a.DB, now)
	if err != nil && ctx.Err() == nil {
		a.Log.Warn("janitor: kept download files", "err", err)
	}
	for _, k := range keys {
		if err := a.Env.Files.Delete(k); err != nil {
			a.Log.Warn("janitor: kept download file", "err", err)
		}
	}
	// Logs and mail copies past the tenants' retention rules (package retention).
	sw := retention.Sweeper{DB: a.DB, Files: a.Env.Files, OpenRaw: inbox.OpenMailKeys}
	if _, err := sw.Sweep(ctx, now); err != nil && ctx.Err() == nil {
		a.Log.Warn("janitor: retention", "err", err)
	}
	// SQLite gathers planner statistics only when asked (0x10002: also tables never
	// analysed, with a bounded effort); without them a search would
	// walk the tenant's whole list instead of the trigram index. PostgreSQL's
	// autovacuum does this by itself, except for tables of a few rows (db/analyze.go).
	if a.DB.Engine() == db.SQLite {
		if _, err := a.DB.Exec(ctx, `PRAGMA optimize=0x10002`); err != nil && ctx.Err() == nil {
			a.Log.Warn("janitor: optimize", "err", err)
		}
	} else if _, err := db.AnalyzeSmall(ctx, a.DB); err != nil && ctx.Err() == nil {
		a.Log.Warn("janitor: statistics", "err", err)
	}
}
