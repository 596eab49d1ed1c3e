package kb

import (
	"context"
	"fmt"

	"pforte/internal/company"
	"pforte/internal/db"
)

// ChosenCompany is a company chosen to read a restricted article.
type ChosenCompany struct {
	ID             int64
	Name           string
	CustomerNumber string
}

// AddCompany lets companyID read the article when its visibility is "companies". Both
// must belong to the tenant; otherwise it is db.ErrNotFound. Adding twice is harmless.
// An archived company is company.ErrArchived: nothing new is filed under it.
func AddCompany(ctx context.Context, q db.Querier, tenantID, articleID, companyID int64) error {
	var n, archived int
	if err := q.QueryRow(ctx, `SELECT COUNT(*), COUNT(c.archived_at) FROM kb_articles a
		JOIN companies c ON c.tenant_id = a.tenant_id
		WHERE a.tenant_id = ? AND a.id = ? AND c.id = ?`, tenantID, articleID, companyID).Scan(&n, &archived); err != nil {
		return fmt.Errorf("kb: add company: %w", err)
	}
	if n == 0 {
		return db.ErrNotFound
	}
	if archived > 0 {
		return company.ErrArchived
	}
	_, err := q.Exec(ctx, `INSERT INTO kb_article_companies (article_id, company_id, tenant_id) VALUES (?, ?, ?)
		ON CONFLICT (article_id, company_id) DO NOTHING`, articleID, companyID, tenantID)
	if err != nil {
		return fmt.Errorf("kb: add company: %w", err)
	}
	return nil
}

// RemoveCompany takes a company off an article's readers.
func RemoveCompany(ctx context.Context, q db.Querier, tenantID, articleID, companyID int64) error {
	res, err := q.Exec(ctx, `DELETE FROM kb_article_companies WHERE tenant_id = ? AND article_id = ? AND company_id = ?`,
		tenantID, articleID, companyID)
	if err != nil {
		return fmt.Errorf("kb: remove company: %w", err)
	}
	return affected(res)
}

// Companies lists the companies chosen for an article, by name.
func Companies(ctx context.Context, q db.Querier, tenantID, articleID int64) ([]ChosenCompany, error) {
	rows, err := q.Query(ctx, `SELECT c.id, c.name, c.customer_number FROM kb_article_companies ac
		JOIN companies c ON c.id = ac.company_id WHERE ac.tenant_id = ? AND ac.article_id = ?
		ORDER BY c.name, c.id`, tenantID, articleID)
	if err != nil {
		return nil, fmt.Errorf("kb: companies: %w", err)
	}
	defer rows.Close()
	var out []ChosenCompany
	for rows.Next() {
		var c ChosenCompany
		if err := rows.Scan(&c.ID, &c.Name, &c.CustomerNumber); err != nil {
			return nil, fmt.Errorf("kb: companies: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
