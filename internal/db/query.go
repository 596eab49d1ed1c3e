package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Querier runs SQL written with `?` placeholders; both *DB and *Tx implement it, so domain
// code works inside or outside a transaction.
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	// WriteRow runs a statement that changes data and returns a row (… RETURNING): on
	// SQLite it must go through the single writer connection, not the reader pool.
	WriteRow(ctx context.Context, query string, args ...any) *sql.Row
	Engine() Engine
}

// rebind turns `?` placeholders into `$1…` for PostgreSQL. Question marks inside quoted
// strings are left alone. Each query is rewritten once and remembered: the queries are
// constants, and rewriting one on every call was a tenth of what a portal request
// allocated.
func rebind(e Engine, q string) string {
	if e != Postgres || !strings.Contains(q, "?") {
		return q
	}
	rebound.mu.RLock()
	s, ok := rebound.m[q]
	rebound.mu.RUnlock()
	if ok {
		return s
	}
	s = numbered(q)
	rebound.mu.Lock()
	if len(rebound.m) < maxStmts { // queries built with varying placeholders must not grow it without end
		rebound.m[q] = s
	}
	rebound.mu.Unlock()
	return s
}

// rebound remembers the PostgreSQL form of queries.
var rebound = struct {
	mu sync.RWMutex
	m  map[string]string
}{m: map[string]string{}}

// numbered writes q with numbered placeholders.
func numbered(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 8)
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Engine reports which engine the DB runs on.
func (d *DB) Engine() Engine { return d.engine }

// Exec runs a statement on the writer.
func (d *DB) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.w.ExecContext(ctx, rebind(d.engine, q), args...)
}

// Query runs a read on the reader pool.
func (d *DB) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if d.stmts != nil {
		if s := d.stmts.stmt(ctx, d.r, q); s != nil {
			return s.QueryContext(ctx, args...)
		}
	}
	return d.r.QueryContext(ctx, rebind(d.engine, q), args...)
}

// QueryRow runs a single-row read on the reader pool.
func (d *DB) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if d.stmts != nil {
		if s := d.stmts.stmt(ctx, d.r, q); s != nil {
			return s.QueryRowContext(ctx, args...)
		}
	}
	return d.r.QueryRowContext(ctx, rebind(d.engine, q), args...)
}

// WriteRow runs a data-changing statement that returns a row on the writer.
func (d *DB) WriteRow(ctx context.Context, q string, args ...any) *sql.Row {
	return d.w.QueryRowContext(ctx, rebind(d.engine, q), args...)
}

// Tx is a transaction on the writer.
type Tx struct {
	engine Engine
	tx     *sql.Tx
}

// Engine reports the engine of the transaction's database.
func (t *Tx) Engine() Engine { return t.engine }

// Exec runs a statement inside the transaction.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, rebind(t.engine, q), args...)
}

// Query runs a read inside the transaction.
func (t *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, rebind(t.engine, q), args...)
}

// QueryRow runs a single-row read inside the transaction.
func (t *Tx) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, rebind(t.engine, q), args...)
}

// WriteRow runs a data-changing statement that returns a row inside the transaction.
func (t *Tx) WriteRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, rebind(t.engine, q), args...)
}

// InTx runs fn in a transaction and commits when fn returns nil. On SQLite the
// transaction starts IMMEDIATE, so it never fails half-way on a lock upgrade.
func (d *DB) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	if err := fn(&Tx{engine: d.engine, tx: sqlTx}); err != nil {
		return errors.Join(err, ignoreDone(sqlTx.Rollback()))
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// InSnapshot runs fn in a read-only transaction that sees the database as it was at
// its start, while writers go on: REPEATABLE READ on PostgreSQL, a deferred read
// transaction on a reader on SQLite (WAL keeps its snapshot). Backups read through it.
func (d *DB) InSnapshot(ctx context.Context, fn func(tx *Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if d.engine == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	sqlTx, err := d.r.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("db: begin snapshot: %w", err)
	}
	defer sqlTx.Rollback()
	return fn(&Tx{engine: d.engine, tx: sqlTx})
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// Insert runs an INSERT … RETURNING id and gives back the new id.
func Insert(ctx context.Context, q Querier, query string, args ...any) (int64, error) {
	var id int64
	if err := q.WriteRow(ctx, query+" RETURNING id", args...).Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

// One maps sql.ErrNoRows to ErrNotFound so callers test one sentinel.
func One(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// IsUnique reports whether err is a unique-constraint violation on either engine.
func IsUnique(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "UNIQUE constraint failed") || strings.Contains(s, "SQLSTATE 23505")
}

// Marks is n comma-separated placeholders ("?, ?, ?") for an IN list or a VALUES row
// built for a slice of arguments.
func Marks(n int) string {
	if n <= 0 {
		return ""
	}
	return "?" + strings.Repeat(", ?", n-1)
}
