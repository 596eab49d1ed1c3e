package ticket

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// Category groups tickets by topic (hardware, software, billing, …); tenants keep their own.
type Category struct {
	ID       int64
	Name     string
	Position int
	Active   bool
}

// Categories lists the tenant's categories; activeOnly leaves out retired ones (the
// portal's form offers only active categories, old tickets keep theirs).
func Categories(ctx context.Context, q db.Querier, tenantID int64, activeOnly bool) ([]Category, error) {
	rows, err := q.Query(ctx, `SELECT id, name, position, active FROM ticket_categories
		WHERE tenant_id = ? AND (active OR NOT ?) ORDER BY position, name, id`, tenantID, activeOnly)
	if err != nil {
		return nil, fmt.Errorf("ticket: categories: %w", err)
	}
	defer rows.Close()
	var out []Category
	for rows.Next() {
		var c Category
		if err := rows.Scan(&c.ID, &c.Name, &c.Position, &c.Active); err != nil {
			return nil, fmt.Errorf("ticket: categories: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCategory adds (ID 0) or changes a category of the tenant.
func SaveCategory(ctx context.Context, q db.Querier, tenantID int64, c Category) (int64, error) {
	if c.ID == 0 {
		id, err := db.Insert(ctx, q, `INSERT INTO ticket_categories (tenant_id, name, position, active) VALUES (?, ?, ?, ?)`,
			tenantID, c.Name, c.Position, c.Active)
		if err != nil {
			return 0, fmt.Errorf("ticket: add category: %w", err)
		}
		return id, nil
	}
	res, err := q.Exec(ctx, `UPDATE ticket_categories SET name = ?, position = ?, active = ? WHERE tenant_id = ? AND id = ?`,
		c.Name, c.Position, c.Active, tenantID, c.ID)
	if err != nil {
		return 0, fmt.Errorf("ticket: save category: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, db.ErrNotFound
	}
	return c.ID, nil
}

// categoryOf checks that id is an active category of the tenant (0 means none).
func categoryOf(ctx context.Context, q db.Querier, tenantID, id int64) error {
	if id == 0 {
		return nil
	}
	var one int
	err := q.QueryRow(ctx, `SELECT 1 FROM ticket_categories WHERE tenant_id = ? AND id = ? AND active`, tenantID, id).Scan(&one)
	return db.One(err)
}

// categoryRetired reports whether id is a retired category of the tenant.
func categoryRetired(ctx context.Context, q db.Querier, tenantID, id int64) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_categories WHERE tenant_id = ? AND id = ? AND NOT active`, tenantID, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("ticket: category: %w", err)
	}
	return n > 0, nil
}
