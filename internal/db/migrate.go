package db

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

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
