package report

import (
	"pforte/internal/db"
	"pforte/internal/ticket"
)

// How the queries count. A year at a million tickets is a third of a million rows, and
// both engines pay per row: SQLite (in pure Go here) has no hash aggregation, so a
// GROUP BY over the period's rows sorts all of them (0.3–0.7 s each), and PostgreSQL
// reads every row's columns. So the queries are shaped for what each engine walks
// cheaply, with the indexes of migration 00041 (which differ by engine):
//
//   - Counting the entries of an index range is the cheapest thing either engine does.
//     The chart's bars are one range count per day or week (a VALUES list of bounds),
//     not a GROUP BY over an expression of created_at.
//   - Grouped counts (groups.go): SQLite lists the groups it expects (the tenant's
//     statuses, categories, companies, staff) and counts each one's range of an index
//     that starts with the group's columns and ends with created_at. PostgreSQL reads
//     the period's range of one covering index once and hashes all groups.
//   - The figures that judge each ticket (first responses, targets) read the period's
//     range of an index that holds the columns they need, never the table.
//   - Medians and 90th percentiles are exact (linear interpolation between the two
//     nearest ranks, as PostgreSQL's percentile_cont). PostgreSQL computes them in the
//     counting pass; SQLite has no such aggregate and fetches the two values around
//     each rank with ORDER BY … LIMIT 2 OFFSET, or for many durations reads them all
//     from the period's index range and sorts them in Go (times.go).
//
// BenchmarkReport measures them; BENCHMARKS.md has the figures.

// marks is n comma-separated placeholders, or NULL for none: "x IN (NULL)" is valid
// SQL on both engines and matches nothing.
func marks(n int) string {
	if n == 0 {
		return "NULL"
	}
	return db.Marks(n)
}

// statusIDs are the ids of the statuses whose kind is one of kinds.
func statusIDs(statuses []ticket.Status, kinds ...string) []any {
	var out []any
	for _, s := range statuses {
		for _, k := range kinds {
			if s.Kind == k {
				out = append(out, s.ID)
			}
		}
	}
	return out
}
