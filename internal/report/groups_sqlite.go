package report

import (
	"context"
	"database/sql"
	"strings"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// groupedSQLite counts every group with a range count of its own: an outer list of
// the groups the report expects (the tenant's statuses, categories, companies and
// staff) and, per group, COUNT(*) over the index range that starts with the group's
// columns and ends with created_at (00041). SQLite seeks each range and counts its
// entries without reading a row; a GROUP BY would sort the period's rows (a year at a
// million tickets: 0.7 s), and even one walking an index in group order compares
// every row's group columns (twice the time of the range counts).
func (r span) groupedSQLite(ctx context.Context, q db.Querier) (grouped, error) {
	var g grouped
	err := run(ctx, q, []part{
		func(q db.Querier) (err error) { g.cells, err = r.cellCounts(ctx, q); return err },
		func(q db.Querier) (err error) { g.companies, err = r.companyCounts(ctx, q); return err },
		func(q db.Querier) (err error) {
			g.assigned, err = scanCounts(q.Query(ctx, `SELECT s.id, (SELECT COUNT(*) FROM tickets t
				WHERE t.tenant_id = ? AND t.assignee_id = s.id AND t.created_at >= ? AND t.created_at < ?)
				FROM staff s WHERE s.tenant_id = ?`, r.tenantID, r.from, r.to, r.tenantID))
			return err
		},
	})
	return g, err
}

// cellCounts counts every combination of channel, priority, status and category
// (none included: "IS" matches NULL and still seeks) on tickets_report_groups.
func (r span) cellCounts(ctx context.Context, q db.Querier) ([]cell, error) {
	args := []any{r.tenantID, r.from, r.to}
	for _, c := range Channels {
		args = append(args, c)
	}
	for _, p := range ticket.Priorities {
		args = append(args, p)
	}
	args = append(args, r.tenantID, r.tenantID)
	rows, err := q.Query(ctx, `SELECT v.column1, p.column1, s.id, c.id, (SELECT COUNT(*) FROM tickets t
			WHERE t.tenant_id = ? AND t.via = v.column1 AND t.priority = p.column1 AND t.status_id = s.id
			AND t.category_id IS c.id AND t.created_at >= ? AND t.created_at < ?)
		FROM (VALUES `+values(len(Channels))+`) AS v CROSS JOIN (VALUES `+values(len(ticket.Priorities))+`) AS p
		CROSS JOIN ticket_statuses s
		CROSS JOIN (SELECT id FROM ticket_categories WHERE tenant_id = ? UNION ALL SELECT NULL) AS c
		WHERE s.tenant_id = ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cell
	for rows.Next() {
		var c cell
		var category sql.NullInt64
		if err := rows.Scan(&c.via, &c.priority, &c.status, &category, &c.n); err != nil {
			return nil, err
		}
		if c.n > 0 {
			c.category = category.Int64
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// values is a VALUES list of n one-column rows of placeholders.
func values(n int) string {
	return strings.TrimSuffix(strings.Repeat("(?), ", n), ", ")
}

// companyCounts counts every company's tickets on tickets_company_opened and keeps the
// TopCompanies with most.
func (r span) companyCounts(ctx context.Context, q db.Querier) ([]Count, error) {
	rows, err := q.Query(ctx, `SELECT c.id, c.name, (SELECT COUNT(*) FROM tickets t
			WHERE t.tenant_id = ? AND t.company_id = c.id AND t.created_at >= ? AND t.created_at < ?) AS n
		FROM companies c WHERE c.tenant_id = ? ORDER BY n DESC, c.id LIMIT ?`,
		r.tenantID, r.from, r.to, r.tenantID, TopCompanies)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Count
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.ID, &c.Name, &c.Count); err != nil {
			return nil, err
		}
		if c.Count > 0 { // fewer than TopCompanies had tickets
			out = append(out, c)
		}
	}
	return out, rows.Err()
}

// scanCounts reads rows of (id, count) into a map.
func scanCounts(rows *sql.Rows, err error) (map[int64]int, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id sql.NullInt64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id.Int64] = n
	}
	return out, rows.Err()
}
