package testutil

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// Explainer is a db.Querier for benchmarks that records the plan of every read before
// running it (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL), so a slow
// list can show which index it walked.
type Explainer struct {
	*db.DB
	Plans strings.Builder
}

// Query records q's plan, then runs q.
func (x *Explainer) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	prefix := "EXPLAIN QUERY PLAN "
	if x.Engine() == db.Postgres {
		prefix = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
	}
	rows, err := x.DB.Query(ctx, prefix+q, args...)
	if err != nil {
		return nil, err
	}
	cols, _ := rows.Columns()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return nil, err
		}
		line := vals[len(vals)-1] // SQLite: id, parent, notused, detail; PostgreSQL: one column
		if b, ok := line.([]byte); ok {
			line = string(b)
		}
		fmt.Fprintln(&x.Plans, "   ", line)
	}
	rows.Close()
	return x.DB.Query(ctx, q, args...)
}

// QueryRow records q's plan as Query does, then runs q for its one row.
func (x *Explainer) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if rows, err := x.Query(ctx, q, args...); err == nil {
		rows.Close()
	}
	return x.DB.QueryRow(ctx, q, args...)
}
