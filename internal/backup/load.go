package backup

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"pforte/internal/db"
)

// maxParams keeps a batch under both engines' limits on bound values per statement
// (SQLite 32,766, PostgreSQL 65,535).
const maxParams = 30000

// load inserts one table's file into the table of the same name, in batches of many
// rows per statement. Columns the archive lacks take their defaults; a column the
// database lacks is an error (the schemas must match at the archive's migration).
func load(ctx context.Context, tx *db.Tx, tables map[string]table, r io.Reader) (int64, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	dec.UseNumber()
	var h header
	if err := dec.Decode(&h); err != nil {
		return 0, fmt.Errorf("backup: table header: %w", err)
	}
	if skipped[h.Table] {
		return 0, nil // an older archive's: the rest of the entry is passed over
	}
	dest, ok := tables[h.Table]
	if !ok {
		return 0, fmt.Errorf("backup: the database has no table %q", h.Table)
	}
	types := make([]string, len(h.Columns))
	self := map[int]string{} // position → column filled in afterwards
	for i, c := range h.Columns {
		at := dest.column(c)
		if at < 0 {
			return 0, fmt.Errorf("backup: table %s has no column %q", h.Table, c)
		}
		types[i] = dest.Types[at]
		for _, s := range dest.Self {
			if s == c {
				self[i] = c
			}
		}
	}
	idAt := -1
	for i, c := range h.Columns {
		if c == "id" {
			idAt = i
		}
	}
	if len(self) > 0 && idAt < 0 {
		return 0, fmt.Errorf("backup: table %s refers to itself but has no id", h.Table)
	}
	b := batch{table: h.Table, columns: h.Columns, size: max(1, min(500, maxParams/len(h.Columns)))}
	var later []update
	var n int64
	for {
		var row []any
		if err := dec.Decode(&row); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return n, fmt.Errorf("backup: row %d: %w", n+1, err)
		}
		if len(row) != len(h.Columns) {
			return n, fmt.Errorf("backup: row %d has %d values for %d columns", n+1, len(row), len(h.Columns))
		}
		for i, v := range row {
			val, err := decode(v, types[i])
			if err != nil {
				return n, err
			}
			if col, ok := self[i]; ok && val != nil {
				later = append(later, update{column: col, id: row[idAt], value: val})
				val = nil
			}
			b.args = append(b.args, val)
		}
		n++
		b.count++
		if b.full() {
			if err := b.flush(ctx, tx); err != nil {
				return n, err
			}
		}
	}
	if err := b.flush(ctx, tx); err != nil {
		return n, err
	}
	for _, u := range later {
		id, err := decode(u.id, "bigint")
		if err != nil {
			return n, err
		}
		if _, err := tx.Exec(ctx, `UPDATE `+h.Table+` SET "`+u.column+`" = ? WHERE id = ?`, u.value, id); err != nil {
			return n, fmt.Errorf("backup: %s.%s: %w", h.Table, u.column, err)
		}
	}
	return n, nil
}

// update is a self-reference set after its table's rows are all in.
type update struct {
	column string
	id     any
	value  any
}

// batch gathers rows for one multi-row INSERT.
type batch struct {
	table   string
	columns []string
	size    int // rows per statement
	count   int
	args    []any
}

func (b *batch) full() bool { return b.count >= b.size }

// flush inserts the gathered rows.
func (b *batch) flush(ctx context.Context, tx *db.Tx) error {
	if b.count == 0 {
		return nil
	}
	one := "(" + db.Marks(len(b.columns)) + ")"
	q := "INSERT INTO " + b.table + " (" + quoted(b.columns) + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+", ", b.count), ", ")
	if _, err := tx.Exec(ctx, q, b.args...); err != nil {
		return fmt.Errorf("backup: insert into %s: %w", b.table, err)
	}
	b.count, b.args = 0, b.args[:0]
	return nil
}
