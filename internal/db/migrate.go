package db

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// The two folders are numbered in lockstep: migration N exists in both.
//
//go:embed migrations
var migrations embed.FS

// Migrate applies all pending migrations. On PostgreSQL it holds an advisory lock, so
// several instances starting at once apply each migration exactly once; on SQLite the
// single writer connection serialises them.
func (d *DB) Migrate(ctx context.Context) error { return d.MigrateTo(ctx, 0) }

// MigrateTo applies pending migrations up to version (0: all). Upgrade tests use it to
// build a database as an older release left it.
func (d *DB) MigrateTo(ctx context.Context, version int64) error {
	sub, err := fs.Sub(migrations, "migrations/"+string(d.engine))
	if err != nil {
		return fmt.Errorf("db: migrations: %w", err)
	}
	dialect := goose.DialectSQLite3
	var opts []goose.ProviderOption
	if d.engine == Postgres {
		dialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300)) // poll every second, up to 5 minutes
		if err != nil {
			return fmt.Errorf("db: migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, d.w, sub, opts...)
	if err != nil {
		return fmt.Errorf("db: migrations: %w", err)
	}
	if version > 0 {
		_, err = p.UpTo(ctx, version)
	} else {
		_, err = p.Up(ctx)
	}
	if err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	return nil
}

// Migrated reports whether every embedded migration has been applied; /readyz uses it.
func (d *DB) Migrated(ctx context.Context) (bool, error) {
	sub, err := fs.Sub(migrations, "migrations/"+string(d.engine))
	if err != nil {
		return false, err
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil {
		return false, err
	}
	var applied int
	err = d.QueryRow(ctx, "SELECT COUNT(*) FROM goose_db_version WHERE version_id > 0 AND is_applied").Scan(&applied)
	if err != nil {
		return false, err
	}
	return applied >= len(entries), nil
}

// LatestMigration is the number of the newest embedded migration: the schema this
// build of Pforte writes.
func (d *DB) LatestMigration() (int64, error) {
	entries, err := fs.ReadDir(migrations, "migrations/"+string(d.engine))
	if err != nil {
		return 0, err
	}
	var latest int64
	for _, e := range entries {
		num, _, _ := strings.Cut(e.Name(), "_")
		if n, err := strconv.ParseInt(num, 10, 64); err == nil && n > latest {
			latest = n
		}
	}
	return latest, nil
}

// SchemaVersion is the newest migration applied to the database q reads, 0 when none
// is (a new database, where the migrations' own table does not exist yet).
func SchemaVersion(ctx context.Context, q Querier) (int64, error) {
	exists := `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'goose_db_version'`
	if q.Engine() == SQLite {
		exists = `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'goose_db_version'`
	}
	var n int64
	if err := q.QueryRow(ctx, exists).Scan(&n); err != nil || n == 0 {
		return 0, err
	}
	err := q.QueryRow(ctx, `SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied`).Scan(&n)
	return n, err
}
