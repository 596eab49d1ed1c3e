package kb

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// checkCategory validates what staff typed for a category.
func checkCategory(c Category) error {
	e := validate.Errors{}
	e.Text("name", c.Name, true, MaxCategoryName)
	if !validate.ValidPosition(c.Position) {
		e.Add("position", "error.position", nil)
	}
	if e.Any() {
		return e
	}
	return nil
}

// CreateCategory validates and stores a category.
func CreateCategory(ctx context.Context, q db.Querier, c Category, now time.Time) (Category, error) {
	c.Name = strings.TrimSpace(c.Name)
	if err := checkCategory(c); err != nil {
		return c, err
	}
	id, err := db.Insert(ctx, q, `INSERT INTO kb_categories (tenant_id, name, position, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)`, c.TenantID, c.Name, c.Position, now.Unix(), now.Unix())
	if err != nil {
		return c, fmt.Errorf("kb: create category: %w", err)
	}
	c.ID = id
	return c, nil
}

// UpdateCategory validates and saves a category of the tenant.
func UpdateCategory(ctx context.Context, q db.Querier, c Category, now time.Time) error {
	c.Name = strings.TrimSpace(c.Name)
	if err := checkCategory(c); err != nil {
		return err
	}
	res, err := q.Exec(ctx, `UPDATE kb_categories SET name = ?, position = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		c.Name, c.Position, now.Unix(), c.TenantID, c.ID)
	if err != nil {
		return fmt.Errorf("kb: update category: %w", err)
	}
	return affected(res)
}

// DeleteCategory removes a category of the tenant; its articles stay, without category.
func DeleteCategory(ctx context.Context, q db.Querier, tenantID, id int64) error {
	res, err := q.Exec(ctx, `DELETE FROM kb_categories WHERE tenant_id = ? AND id = ?`, tenantID, id)
	if err != nil {
		return fmt.Errorf("kb: delete category: %w", err)
	}
	return affected(res)
}

// GetCategory loads a category of the tenant (back office).
func GetCategory(ctx context.Context, q db.Querier, tenantID, id int64) (Category, error) {
	var c Category
	err := q.QueryRow(ctx, `SELECT c.id, c.tenant_id, c.name, c.position,
		(SELECT COUNT(*) FROM kb_articles a WHERE a.category_id = c.id)
		FROM kb_categories c WHERE c.tenant_id = ? AND c.id = ?`, tenantID, id).
		Scan(&c.ID, &c.TenantID, &c.Name, &c.Position, &c.Articles)
	return c, db.One(err)
}

// Categories lists the tenant's categories in display order with their number of
// articles (all states).
func Categories(ctx context.Context, q db.Querier, tenantID int64) ([]Category, error) {
	return scanCategories(q.Query(ctx, `SELECT c.id, c.tenant_id, c.name, c.position,
		(SELECT COUNT(*) FROM kb_articles a WHERE a.category_id = c.id)
		FROM kb_categories c WHERE c.tenant_id = ? ORDER BY c.position, c.name, c.id`, tenantID))
}

// VisibleCategories lists the tenant's categories with the number of articles the
// viewer may read; categories with none are left out.
func VisibleCategories(ctx context.Context, q db.Querier, v Viewer) ([]Category, error) {
	cond, args := v.visible()
	list, err := scanCategories(q.Query(ctx, `SELECT c.id, c.tenant_id, c.name, c.position, COUNT(a.id)
		FROM kb_categories c JOIN kb_articles a ON a.category_id = c.id
		WHERE c.tenant_id = ? AND `+cond+` GROUP BY c.id, c.tenant_id, c.name, c.position
		ORDER BY c.position, c.name, c.id`, append([]any{v.TenantID}, args...)...))
	return list, err
}

// VisibleCategory loads a category the viewer may browse: one of their tenant.
func VisibleCategory(ctx context.Context, q db.Querier, v Viewer, id int64) (Category, error) {
	return GetCategory(ctx, q, v.TenantID, id)
}

func scanCategories(rows interface {
	Next() bool
	Scan(...any) error
	Close() error
	Err() error
}, err error) ([]Category, error) {
	if err != nil {
		return nil, fmt.Errorf("kb: categories: %w", err)
	}
	defer rows.Close()
	var out []Category
	for rows.Next() {
		var c Category
		if err := rows.Scan(&c.ID, &c.TenantID, &c.Name, &c.Position, &c.Articles); err != nil {
			return nil, fmt.Errorf("kb: categories: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// affected maps "no row changed" to db.ErrNotFound (another tenant's id, or gone).
func affected(res interface{ RowsAffected() (int64, error) }) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return db.ErrNotFound
	}
	return nil
}
