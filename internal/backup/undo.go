package backup

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// committed marks an error that came after the restored rows were committed (files
// that could not be moved, the migrations after them): the database holds the
// restored portal, and nothing of it may be cleaned away.
type committed struct{ err error }

func (c committed) Error() string { return c.err.Error() }
func (c committed) Unwrap() error { return c.err }

// Committed reports whether a failed Restore got as far as committing the archive's
// rows. Any other failure left the database as Restore found it, and the caller may
// remove what it created for the restore (a new SQLite file, a new data directory).
func Committed(err error) bool {
	var c committed
	return errors.As(err, &c)
}

// createdSchema is what a restore into a PostgreSQL database without Pforte's schema
// must remove again when it fails before the rows are committed: the schema is built by
// the migrations in their own transactions, so rolling back the rows left every table
// behind, empty. A later serve then started an empty portal on the database the
// operator had meant for the restored one. nil when there is nothing to remove: SQLite
// (the command line removes the new file), or a schema that was there before.
type createdSchema struct {
	tables, funcs map[string]bool // what the current schema held before the restore
}

// noteSchema records the current schema's tables and functions when the database has
// no Pforte schema yet; objects outside it (the pg_trgm extension, which the
// migrations create in public when missing) are shared and stay.
func noteSchema(ctx context.Context, d *db.DB) (*createdSchema, error) {
	if d.Engine() != db.Postgres {
		return nil, nil
	}
	if v, err := db.SchemaVersion(ctx, d); err != nil || v > 0 {
		return nil, err
	}
	tables, err := schemaObjects(ctx, d, tablesIn)
	if err != nil {
		return nil, err
	}
	funcs, err := schemaObjects(ctx, d, funcsIn)
	if err != nil {
		return nil, err
	}
	return &createdSchema{tables: tables, funcs: funcs}, nil
}

// The current schema's tables and functions (with their argument types, which DROP
// FUNCTION needs), quoted for use in a statement.
const (
	tablesIn = `SELECT quote_ident(c.relname) FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
		AND c.relkind IN ('r', 'p')`
	funcsIn = `SELECT quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'
		FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace`
)

func schemaObjects(ctx context.Context, d *db.DB, query string) (map[string]bool, error) {
	rows, err := d.Query(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("backup: schema objects: %w", err)
	}
	defer rows.Close()
	names := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names[n] = true
	}
	return names, rows.Err()
}

// undo drops the tables and functions the failed restore created, in one transaction
// (PostgreSQL's DDL is transactional), leaving what was there before untouched; the
// tables go with their indexes, triggers and identity sequences.
func (c *createdSchema) undo(ctx context.Context, d *db.DB) error {
	if c == nil {
		return nil
	}
	var drops []string
	for _, kind := range []struct {
		query, drop string
		before      map[string]bool
	}{{tablesIn, "DROP TABLE ", c.tables}, {funcsIn, "DROP FUNCTION ", c.funcs}} {
		now, err := schemaObjects(ctx, d, kind.query)
		if err != nil {
			return err
		}
		var created []string
		for n := range now {
			if !kind.before[n] {
				created = append(created, n)
			}
		}
		if len(created) > 0 {
			drops = append(drops, kind.drop+strings.Join(created, ", ")+" CASCADE")
		}
	}
	return d.InTx(ctx, func(tx *db.Tx) error {
		for _, s := range drops {
			if _, err := tx.Exec(ctx, s); err != nil {
				return fmt.Errorf("backup: removing the restore's schema: %w", err)
			}
		}
		return nil
	})
}
