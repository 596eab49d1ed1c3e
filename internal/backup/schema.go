package backup

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"pforte/internal/db"
)

// skipped are tables a backup leaves out: who is signed in right now and the state of
// sign-ins under way (everyone signs in again after a restore), the migration record
// (the restore writes its own), list versions, which the triggers rebuild as the
// tickets go in, and which search texts are up to date: after a restore every search
// text is refreshed once and the conversation index rebuilt (ticket.Reindex). A
// restore passes over such a table in an older archive.
var skipped = map[string]bool{
	"search_refreshed":       true,
	"goose_db_version":       true,
	"sessions":               true,
	"login_failures":         true,
	"login_challenges":       true,
	"staff_login_challenges": true,
	"passkey_ceremonies":     true,
	"list_versions":          true,
}

// table is one table of the schema: its stored columns (no generated ones and no
// PostgreSQL search vectors) with their declared types, and the tables its foreign
// keys point to.
type table struct {
	Name    string
	Columns []string
	Types   []string // lower case: "bigint", "boolean", "text", "bytea", "blob", …
	refs    []string
	// Self are columns referencing the table itself (a folder's parent). A restore
	// fills them in after all rows are in: a folder may have moved under a newer one.
	Self []string
}

// schema reads the tables of the database a backup covers, parents before children
// (every table after the tables its foreign keys reference), so a restore can insert
// them in that order with every check on.
func schema(ctx context.Context, q db.Querier) ([]table, error) {
	names, err := tableNames(ctx, q)
	if err != nil {
		return nil, err
	}
	byName := map[string]*table{}
	for _, n := range names {
		t := &table{Name: n}
		if err := describe(ctx, q, t); err != nil {
			return nil, err
		}
		byName[n] = t
	}
	return order(byName)
}

// tableNames lists the ordinary tables; SQLite's full-text indexes (virtual tables and
// their shadow tables) are derived data that triggers rebuild.
func tableNames(ctx context.Context, q db.Querier) ([]string, error) {
	query := `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	if q.Engine() == db.SQLite {
		query = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
			AND name NOT IN (SELECT m.name FROM sqlite_master v JOIN sqlite_master m
				ON m.name = v.name OR m.name LIKE v.name || '\_%' ESCAPE '\'
				WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%')
			ORDER BY name`
	}
	rows, err := q.Query(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("backup: tables: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("backup: tables: %w", err)
		}
		if !skipped[n] {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

// describe fills in the table's stored columns and the tables it references.
func describe(ctx context.Context, q db.Querier, t *table) error {
	cols := `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' AND data_type <> 'tsvector'
		ORDER BY ordinal_position` // a search vector is derived, and SQLite has none
	refs := `SELECT p.relname, a.attname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
		JOIN pg_class p ON p.oid = c.confrelid JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.contype = 'f' AND r.relname = ? AND r.relnamespace = current_schema()::regnamespace`
	if q.Engine() == db.SQLite {
		cols = `SELECT name, type FROM pragma_table_info(?) ORDER BY cid`
		refs = `SELECT "table", "from" FROM pragma_foreign_key_list(?)`
	}
	err := each(ctx, q, cols, t.Name, func(name, typ string) {
		t.Columns = append(t.Columns, name)
		t.Types = append(t.Types, strings.ToLower(typ))
	})
	if err != nil {
		return err
	}
	return each(ctx, q, refs, t.Name, func(ref, col string) {
		if ref == t.Name {
			t.Self = append(t.Self, col)
		} else {
			t.refs = append(t.refs, ref)
		}
	})
}

// each runs a catalog query about one table and hands each row's one or two text
// columns to fn.
func each(ctx context.Context, q db.Querier, query, name string, fn func(a, b string)) error {
	rows, err := q.Query(ctx, query, name)
	if err != nil {
		return fmt.Errorf("backup: describe %s: %w", name, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		var a, b string
		dest := []any{&a, &b}[:len(cols)]
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("backup: describe %s: %w", name, err)
		}
		fn(a, b)
	}
	return rows.Err()
}

// order sorts the tables so that each comes after the tables it references (a table
// referencing itself is handled by the restore, see table.Self). A cycle
// between tables is an error: no insert order could satisfy it.
func order(byName map[string]*table) ([]table, error) {
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	slices.Sort(names)
	var out []table
	state := map[string]int{} // 1: being placed, 2: placed
	var visit func(n string) error
	visit = func(n string) error {
		t, ok := byName[n]
		if !ok || state[n] == 2 {
			return nil // a skipped table (sessions) or done
		}
		if state[n] == 1 {
			return fmt.Errorf("backup: foreign keys form a cycle through %s", n)
		}
		state[n] = 1
		for _, r := range t.refs {
			if err := visit(r); err != nil {
				return err
			}
		}
		state[n] = 2
		out = append(out, *t)
		return nil
	}
	for _, n := range names {
		if err := visit(n); err != nil {
			return nil, err
		}
	}
	return out, nil
}
