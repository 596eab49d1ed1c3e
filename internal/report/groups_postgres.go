package report

import (
	"context"
	"database/sql"

	"pforte/internal/db"
)

// groupedPostgres counts all groups in one pass over the period's range of the
// covering index tickets_opened (00041): GROUPING SETS hash the channel × priority ×
// status × category cells, the companies and the staff members side by side. A range
// count per group, as on SQLite, would start an index scan per group: 600 cells cost
// PostgreSQL more than reading the whole range once.
func (r span) groupedPostgres(ctx context.Context, q db.Querier) (grouped, error) {
	rows, err := q.Query(ctx, `SELECT GROUPING(via), GROUPING(company_id),
			via, priority, status_id, category_id, company_id, assignee_id, COUNT(*)
		FROM tickets WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
		GROUP BY GROUPING SETS ((via, priority, status_id, category_id), (company_id), (assignee_id))`,
		r.tenantID, r.from, r.to)
	if err != nil {
		return grouped{}, err
	}
	defer rows.Close()
	g := grouped{assigned: map[int64]int{}}
	companies := map[int64]int{}
	for rows.Next() {
		var byCell, byCompany int
		var via sql.NullString
		var priority, status, category, company, assignee sql.NullInt64
		var n int
		if err := rows.Scan(&byCell, &byCompany, &via, &priority, &status, &category, &company, &assignee, &n); err != nil {
			return grouped{}, err
		}
		switch {
		case byCell == 0: // GROUPING is 0 for the columns the row is grouped by
			g.cells = append(g.cells, cell{via: via.String, priority: priority.Int64, status: status.Int64,
				category: category.Int64, n: n})
		case byCompany == 0:
			companies[company.Int64] = n
		default:
			g.assigned[assignee.Int64] = n
		}
	}
	if err := rows.Err(); err != nil {
		return grouped{}, err
	}
	g.companies = topCompanies(companies)
	return g, companyNames(ctx, q, r.tenantID, g.companies)
}

// companyNames fills in the companies' names.
func companyNames(ctx context.Context, q db.Querier, tenantID int64, cs []Count) error {
	if len(cs) == 0 {
		return nil
	}
	args := []any{tenantID}
	at := map[int64]int{}
	for i, c := range cs {
		args = append(args, c.ID)
		at[c.ID] = i
	}
	rows, err := q.Query(ctx, `SELECT id, name FROM companies WHERE tenant_id = ? AND id IN (`+db.Marks(len(cs))+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		cs[at[id]].Name = name
	}
	return rows.Err()
}
