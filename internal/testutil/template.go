package testutil

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"pforte/internal/db"
)

// Migrating a database costs far more than copying one: on PostgreSQL the 50-odd
// migrations took one to five seconds per test (catalog work, commits, the migration
// lock), on SQLite a fifth of a second. So migrations run once and every test gets a
// copy of the migrated database: on SQLite a copy of a file migrated once per test
// process, on PostgreSQL a database created from a template database (CREATE DATABASE
// … TEMPLATE) that the processes of a run share. The copy is exactly what migrating
// gives, and Open and apptest.Start still run Migrate on it (which finds nothing to
// do), as the application does at every start; tests that need an empty database use
// DSN.

// MigratedDSN is DSN with every migration already applied: a database URL and data
// directory for a fresh database of its own, removed when the test ends.
func MigratedDSN(t testing.TB, e db.Engine) (string, string) {
	t.Helper()
	if e == db.SQLite {
		dir := t.TempDir()
		b, err := sqliteTemplate()
		if err != nil {
			t.Fatalf("sqlite template: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "pforte.db"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return "", dir
	}
	base := os.Getenv("PFORTE_TEST_POSTGRES")
	if base == "" {
		Skip(t, "PFORTE_TEST_POSTGRES is not set")
	}
	dsn, err := pgClone(t, base)
	if errors.Is(err, errNoCreateDB) {
		// A role without CREATEDB still gets a migrated database: a schema, migrated.
		return migratedSchema(t)
	}
	if err != nil {
		t.Fatalf("postgres template: %v", err)
	}
	return dsn, t.TempDir()
}

// migratedSchema is the slow way: a new schema, migrated in place.
func migratedSchema(t testing.TB) (string, string) {
	t.Helper()
	dsn, dir := DSN(t, db.Postgres)
	d, err := db.Open(context.Background(), dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return dsn, dir
}

var sqliteTpl struct {
	once sync.Once
	data []byte
	err  error
}

// sqliteTemplate migrates a SQLite database once per process and returns its file.
func sqliteTemplate() ([]byte, error) {
	sqliteTpl.once.Do(func() { sqliteTpl.data, sqliteTpl.err = buildSQLiteTemplate() })
	return sqliteTpl.data, sqliteTpl.err
}

func buildSQLiteTemplate() ([]byte, error) {
	dir, err := os.MkdirTemp("", "pforte-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	d, err := db.Open(ctx, "", dir)
	if err != nil {
		return nil, err
	}
	if err := d.Migrate(ctx); err != nil {
		d.Close()
		return nil, err
	}
	// Fold the write-ahead log into the database file, so the one file holds it all.
	if _, err := d.Writer().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		d.Close()
		return nil, err
	}
	if err := d.Close(); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "pforte.db")
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return nil, fmt.Errorf("write-ahead log not folded in (%d bytes)", fi.Size())
	}
	return os.ReadFile(path)
}

// errNoCreateDB means the PostgreSQL role may not create databases.
var errNoCreateDB = errors.New("role may not create databases")

var pgTpl struct {
	mu    sync.Mutex
	admin map[string]*sql.DB // per base URL: connections to the base database
	names map[string]string  // per base URL: the template database, once it exists
}

// pgClone creates a database from the migrated template of base (building the
// template if needed) and returns its URL; the database is dropped when t ends.
func pgClone(t testing.TB, base string) (string, error) {
	admin, tpl, err := pgTemplate(base)
	if err != nil {
		return "", err
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := dbPrefix(base) + "_t_" + hex.EncodeToString(b)
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec("CREATE DATABASE " + ident + " TEMPLATE " + pgx.Identifier{tpl}.Sanitize()); err != nil {
		return "", noCreateDB(err)
	}
	t.Cleanup(func() { dropLater(base, ident) })
	return dbURL(base, name)
}

// dropping bounds the drops still running, each on a connection of its own.
var dropping = make(chan struct{}, 4)

// dropLater drops the database ident without waiting for it: DROP DATABASE forces a
// checkpoint of the whole cluster (up to seconds on a busy machine), and the next test
// need not wait for that. The statement is on its way to the server when dropLater
// returns, and the server finishes it even when this process has ended meanwhile.
func dropLater(base, ident string) {
	dropping <- struct{}{}
	ctx := context.Background()
	conn, err := pgconn.Connect(ctx, base)
	if err != nil {
		<-dropping
		return
	}
	res := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)") // sent before Exec returns
	go func() {
		defer func() { <-dropping }()
		res.Close()
		conn.Close(ctx)
	}()
}

// pgTemplate returns the base database's pool and the name of the migrated template,
// creating it when no process has yet. The template is named for the migrations'
// digest, so processes of one test run share it and a changed migration gets a new
// one; it lives as long as the base database's run (CI drops both).
func pgTemplate(base string) (*sql.DB, string, error) {
	pgTpl.mu.Lock()
	defer pgTpl.mu.Unlock()
	if pgTpl.admin == nil {
		pgTpl.admin, pgTpl.names = map[string]*sql.DB{}, map[string]string{}
	}
	admin := pgTpl.admin[base]
	if admin == nil {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return nil, "", err
		}
		a.SetMaxIdleConns(2)
		admin, pgTpl.admin[base] = a, a
	}
	if name := pgTpl.names[base]; name != "" {
		return admin, name, nil
	}
	digest, err := db.MigrationsDigest(db.Postgres)
	if err != nil {
		return nil, "", err
	}
	name := dbPrefix(base) + "_tpl_" + digest[:12]
	if err := buildPGTemplate(admin, base, name); err != nil {
		return nil, "", err
	}
	pgTpl.names[base] = name
	return admin, name, nil
}

// buildPGTemplate creates and migrates the template database name unless it exists.
// A session lock on the base database keeps two test processes from building it at
// once; the template gets its name only when complete, so a process killed halfway
// leaves no half-migrated template behind.
func buildPGTemplate(admin *sql.DB, base, name string) error {
	ctx := context.Background()
	conn, err := admin.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(hashtext($1))", name); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "SELECT pg_advisory_unlock(hashtext($1))", name)
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil || n > 0 {
		return err
	}
	building := name + "_new"
	ident := pgx.Identifier{building}.Sanitize()
	if _, err := conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
		return noCreateDB(err)
	}
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+ident); err != nil {
		return noCreateDB(err)
	}
	dsn, err := dbURL(base, building)
	if err != nil {
		return err
	}
	d, err := db.Open(ctx, dsn, "")
	if err != nil {
		return err
	}
	if err := d.Migrate(ctx); err != nil {
		d.Close()
		return err
	}
	if err := d.Close(); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "ALTER DATABASE "+ident+" RENAME TO "+pgx.Identifier{name}.Sanitize())
	return err
}

// noCreateDB turns PostgreSQL's "permission denied" into errNoCreateDB.
func noCreateDB(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return fmt.Errorf("%w: %v", errNoCreateDB, err)
	}
	return err
}

// dbPrefix starts the names of the databases tests create beside base: the base
// database's own name, so they are easy to find and drop with it.
func dbPrefix(base string) string {
	u, err := url.Parse(base)
	name := "pforte_test"
	if err == nil && strings.Trim(u.Path, "/") != "" {
		name = strings.Trim(u.Path, "/")
	}
	if len(name) > 40 { // PostgreSQL names have at most 63 bytes
		name = name[:40]
	}
	return name
}

// dbURL is base pointing at database name. Commits there do not wait for the disk
// (synchronous_commit=off): a test database need not survive a crash of the server,
// and what a committed change shows to other sessions is the same.
func dbURL(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	q := u.Query()
	q.Set("synchronous_commit", "off")
	u.RawQuery = q.Encode()
	return u.String(), nil
}
