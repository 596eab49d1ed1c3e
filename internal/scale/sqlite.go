package scale

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// sqliteCommitEvery is how many tickets one SQLite transaction takes: large enough
// that commits cost nothing, small enough that a running server's writes wait at most
// about a second and the WAL stays small.
const sqliteCommitEvery = 20000

// writeSQLite writes the chunks through the single writer connection in large
// transactions with prepared multi-row INSERTs. A bigger page cache for the duration
// keeps the ticket indexes' hot pages in memory. The trigram index stays maintained by
// its trigger: measured at 300,000 tickets it takes about 14 % of the load's CPU, and
// dropping the trigger for one rebuild at the end saved nothing (the rebuild of a
// million titles took as long as indexing them one by one).
func writeSQLite(ctx context.Context, d *db.DB, chunks <-chan *chunk, done func(*chunk)) (err error) {
	conn, err := d.Writer().Conn(ctx)
	if err != nil {
		return fmt.Errorf("scale: connection: %w", err)
	}
	defer conn.Close()
	var cache int64
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil { // 256 MiB
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d`, cache))
	var tx *sql.Tx
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	s := &sqliteBatch{}
	inTx := 0
	for c := range chunks {
		if tx == nil {
			if tx, err = conn.BeginTx(ctx, nil); err != nil {
				return fmt.Errorf("scale: begin: %w", err)
			}
			s = &sqliteBatch{tx: tx, stmts: map[string]*sql.Stmt{}}
		}
		if err := s.write(ctx, c); err != nil {
			return err
		}
		done(c)
		if inTx += len(c.tickets); inTx >= sqliteCommitEvery {
			if err := tx.Commit(); err != nil {
				return fmt.Errorf("scale: commit: %w", err)
			}
			tx, inTx = nil, 0
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("scale: commit: %w", err)
		}
		tx = nil
	}
	return ctx.Err()
}

// sqliteBatch inserts rows with statements prepared once per transaction.
type sqliteBatch struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (s *sqliteBatch) write(ctx context.Context, c *chunk) error {
	// Ids follow the highest one: inside the write transaction nobody else can take them.
	var top int64
	if err := s.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM tickets`).Scan(&top); err != nil {
		return fmt.Errorf("scale: ticket ids: %w", err)
	}
	ids := make([]int64, len(c.tickets))
	for i := range ids {
		ids[i] = top + int64(i) + 1
	}
	c.setIDs(ids)
	for _, t := range c.tables() {
		if err := s.insert(ctx, t.name, t.cols, t.rows); err != nil {
			return err
		}
	}
	return nil
}

// insert writes rows in statements of up to 500 rows (SQLite allows 32,766 parameters).
func (s *sqliteBatch) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	per := min(500, 32000/len(cols))
	args := make([]any, 0, per*len(cols))
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		stmt, err := s.stmt(ctx, table, cols, len(part))
		if err != nil {
			return err
		}
		args = args[:0]
		for _, r := range part {
			args = append(args, r...)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("scale: insert %s: %w", table, err)
		}
	}
	return nil
}

func (s *sqliteBatch) stmt(ctx context.Context, table string, cols []string, n int) (*sql.Stmt, error) {
	key := fmt.Sprint(table, n)
	if st, ok := s.stmts[key]; ok {
		return st, nil
	}
	st, err := s.tx.PrepareContext(ctx, insertSQL(table, cols, n))
	if err != nil {
		return nil, fmt.Errorf("scale: prepare %s: %w", table, err)
	}
	s.stmts[key] = st
	return st, nil
}

// insertSQL builds INSERT INTO table (cols) VALUES (?, …), … for n rows.
func insertSQL(table string, cols []string, n int) string {
	one := "(" + db.Marks(len(cols)) + ")"
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+",", n), ",")
}

// setIDs gives the chunk's tickets their ids and points the children at them.
func (c *chunk) setIDs(ids []int64) {
	for i, t := range c.tickets {
		t[0] = ids[i]
	}
	for _, m := range c.messages {
		m[1] = ids[m[1].(int)]
	}
	for _, e := range c.events {
		e[1] = ids[e[1].(int)]
	}
	for _, f := range c.followers {
		f[0] = ids[f[0].(int)]
	}
}
