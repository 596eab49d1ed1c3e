package report

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// TopCompanies is how many companies the report names.
const TopCompanies = 10

// cell is one combination of channel, priority, status and category (0: none) with
// the number of tickets opened in the period that have it.
type cell struct {
	via      string
	priority int64
	status   int64
	category int64
	n        int
}

// grouped is what the tickets opened in the period count up to, grouped every way
// the report shows them. Each engine fills it its own way (groups_sqlite.go,
// groups_postgres.go); the tests hold both to the same figures.
type grouped struct {
	buckets   []int         // per bar of the chart
	cells     []cell        // channel × priority × status × category
	companies []Count       // the TopCompanies with most tickets, by count, then id
	assigned  map[int64]int // by staff member assigned now
}

// grouped counts the tickets opened in the period.
func (r span) grouped(ctx context.Context, q db.Querier) (grouped, error) {
	if q.Engine() == db.Postgres {
		return r.groupedPostgres(ctx, q)
	}
	return r.groupedSQLite(ctx, q)
}

// bucketCounts counts the tickets opened in each bar of the chart: one range count
// of tickets_opened per bar (both engines), the bars a VALUES list of their bounds.
func (r span) bucketCounts(ctx context.Context, q db.Querier, bs []Bucket, out []int) error {
	var b strings.Builder
	args := []any{r.tenantID}
	for i, x := range bs {
		if i > 0 {
			b.WriteString(", ")
		}
		// PostgreSQL types a VALUES list's parameters as text unless told.
		b.WriteString("(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))")
		args = append(args, i, x.Start.Unix(), x.End.Unix())
	}
	rows, err := q.Query(ctx, `SELECT b.column1, (SELECT COUNT(*) FROM tickets t
		WHERE t.tenant_id = ? AND t.created_at >= b.column2 AND t.created_at < b.column3)
		FROM (VALUES `+b.String()+`) AS b`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i, n int
		if err := rows.Scan(&i, &n); err != nil {
			return err
		}
		out[i] = n
	}
	return rows.Err()
}

// apply puts the counts into f: the totals by channel, priority and category, the
// tickets still open, the companies (by count, then name).
func (g grouped) apply(f *Figures, statuses []ticket.Status, categories []ticket.Category) {
	open := map[int64]bool{}
	for _, s := range statuses {
		open[s.ID] = s.Kind == ticket.KindOpen || s.Kind == ticket.KindWaiting
	}
	byChannel, byPriority, byCategory := map[string]int{}, map[int64]int{}, map[int64]int{}
	for _, c := range g.cells {
		byChannel[c.via] += c.n
		byPriority[c.priority] += c.n
		byCategory[c.category] += c.n
		if open[c.status] {
			f.OpenNow += c.n
		}
	}
	for _, c := range Channels {
		f.ByChannel = append(f.ByChannel, Count{Key: c, Count: byChannel[c]})
	}
	for _, p := range ticket.Priorities {
		f.ByPriority = append(f.ByPriority, Count{ID: int64(p), Key: ticket.PriorityName(p), Count: byPriority[int64(p)]})
	}
	for _, c := range categories {
		if n := byCategory[c.ID]; n > 0 || c.Active {
			f.ByCategory = append(f.ByCategory, Count{ID: c.ID, Name: c.Name, Count: n})
		}
	}
	f.ByCategory = append(f.ByCategory, Count{Count: byCategory[0]}) // without a category
	f.Companies = slices.Clone(g.companies)
	slices.SortStableFunc(f.Companies, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
}

// topCompanies keeps the TopCompanies largest counts, ties broken by the lower id, as
// the SQLite query's ORDER BY does.
func topCompanies(all map[int64]int) []Count {
	var out []Count
	for id, n := range all {
		out = append(out, Count{ID: id, Count: n})
	}
	slices.SortFunc(out, func(a, b Count) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID)) })
	return out[:min(len(out), TopCompanies)]
}
