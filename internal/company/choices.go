package company

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// Choice is a company a contact may act for, as the company chooser lists it.
type Choice struct {
	ID             int64
	Name           string
	CustomerNumber string
	Role           string // the contact's role in this company
}

// ChoicesFor lists the companies the principal's contact has active portal access to,
// by name, with the contact's role in each. It takes the principal (not a bare contact
// id), like every portal query, so tenant and contact cannot be left out.
func ChoicesFor(ctx context.Context, q db.Querier, p principal.Contact) ([]Choice, error) {
	if !p.Valid() {
		return nil, db.ErrNotFound
	}
	rows, err := q.Query(ctx, `SELECT c.id, c.name, c.customer_number, m.role
		FROM memberships m JOIN companies c ON c.id = m.company_id AND c.tenant_id = m.tenant_id
		WHERE m.tenant_id = ? AND m.contact_id = ? AND m.access = 'active' AND c.archived_at IS NULL
		ORDER BY c.name, c.id`,
		p.TenantID, p.ContactID)
	if err != nil {
		return nil, fmt.Errorf("company: choices: %w", err)
	}
	defer rows.Close()
	var out []Choice
	for rows.Next() {
		var c Choice
		if err := rows.Scan(&c.ID, &c.Name, &c.CustomerNumber, &c.Role); err != nil {
			return nil, fmt.Errorf("company: choices: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
