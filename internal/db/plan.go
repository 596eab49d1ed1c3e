package db

import "github.com/jackc/pgx/v5"

// PlanEachTime is what a query's arguments start with to have PostgreSQL plan it with
// the values it gets, every time: pgx otherwise keeps each statement prepared, and after
// five runs PostgreSQL may switch to a generic plan that cannot see the values. For a
// search that is a bad bargain: whether to collect an index's matches or to walk a list
// in its order and test each row depends on how common the searched words are, and a
// generic plan picks one way for all of them. Nothing on SQLite, whose driver plans
// every statement it prepares with its values anyway. Use it only where planning is
// cheap beside the query (searches), not on every page.
func PlanEachTime(e Engine) []any {
	if e == Postgres {
		return []any{pgx.QueryExecModeExec}
	}
	return nil
}
