// Package db opens the portal's database on SQLite or PostgreSQL and hides the few
// differences between them behind one small type, so the rest of the code writes one
// set of SQL with `?` placeholders.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned by every lookup that finds no row the caller may see.
var ErrNotFound = errors.New("not found")

// Engine names the database engine behind a DB.
type Engine string

// The two supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is the portal's database. On SQLite writes go through a single connection (SQLite
// allows one writer; queueing in Go is cheaper than busy-waiting in the driver) and reads
// through a pool; on PostgreSQL both are the same pool.
type DB struct {
	engine Engine
	w      *sql.DB
	r      *sql.DB
	stmts  *stmtCache // SQLite reads; nil on PostgreSQL
}

// Open connects to PostgreSQL when dsn is a postgres URL, otherwise to SQLite in the file
// pforte.db inside dataDir.
func Open(ctx context.Context, dsn, dataDir string) (*DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	if dsn != "" {
		// Only the scheme: the URL carries the database password, and this message
		// reaches the terminal and the service log.
		scheme, _, _ := strings.Cut(dsn, "://")
		if len(scheme) > 40 || strings.ContainsAny(scheme, "@/:") {
			scheme = "?"
		}
		return nil, fmt.Errorf("db: unsupported database URL scheme %q (want postgres://…)", scheme)
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("db: data directory: %w", err)
	}
	return OpenSQLite(ctx, filepath.Join(dataDir, SQLiteFile))
}

// SQLiteFile is the name of the SQLite database inside the data directory.
const SQLiteFile = "pforte.db"

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("db: postgres URL: %w", err)
	}
	p := stdlib.OpenDB(*cfg)
	d := &DB{engine: Postgres, w: p, r: p}
	d.SetConns(DefaultConns())
	if err := p.PingContext(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("db: connect postgres: %w", err)
	}
	return d, nil
}

// DefaultConns is the PostgreSQL pool of a process unless configured: four connections
// per core. A portal request holds one for a query of well under a millisecond, so a few
// keep the cores busy; measured on two cores with PostgreSQL beside the portal, 8
// connections served the ticket list a quarter faster than 32 (BENCHMARKS.md), whose
// extra backends only took turns on the same cores. A database on a machine of its own,
// further away, wants more (PFORTE_DB_CONNS).
func DefaultConns() int { return max(8, 4*runtime.GOMAXPROCS(0)) }

// SetConns sets how many connections to PostgreSQL the process keeps at most (all of
// them kept open when idle). SQLite keeps its own fixed pools and ignores it.
func (d *DB) SetConns(n int) {
	if d.engine != Postgres || n < 1 {
		return
	}
	d.w.SetMaxOpenConns(n)
	d.w.SetMaxIdleConns(n)
}

// uriPath escapes what a file name may hold but a SQLite URI reads as syntax: "?" would
// start the options, "#" a fragment, and "%" an escape, so a data directory named
// "Kunden #2" or "50%" would open another file or fail.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// OpenSQLite opens (creating if needed) the SQLite database file at path.
func OpenSQLite(ctx context.Context, path string) (*DB, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(ON)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + uriPath(path) + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("db: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open sqlite: %w", err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	// A connection reads the planner's statistics when it opens; renewing the readers
	// hourly lets the janitor's PRAGMA optimize reach queries planned on them.
	r.SetConnMaxLifetime(time.Hour)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("db: connect sqlite: %w", err)
	}
	return &DB{engine: SQLite, w: w, r: r, stmts: &stmtCache{}}, nil
}

// Close closes all connections.
func (d *DB) Close() error {
	if d.stmts != nil {
		d.stmts.close()
	}
	err := d.w.Close()
	if d.r != d.w {
		err = errors.Join(err, d.r.Close())
	}
	return err
}

// Ping checks that the database answers.
func (d *DB) Ping(ctx context.Context) error { return d.r.PingContext(ctx) }

// Writer exposes the writing pool for tools (migrations) that need a *sql.DB.
func (d *DB) Writer() *sql.DB { return d.w }
