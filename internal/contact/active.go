package contact

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// WithActiveMemberships loads a contact and the memberships whose portal access is
// active in companies that are not archived, by company name, in one query: what every
// portal request needs to know who is asking (one round trip instead of two on each
// page). A contact without active access anywhere is db.ErrNotFound.
func WithActiveMemberships(ctx context.Context, q db.Querier, tenantID, id int64) (Contact, []Membership, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+`, `+mColumns+`, COALESCE(lv.version, 0) FROM contacts c
		JOIN memberships m ON m.contact_id = c.id AND m.tenant_id = c.tenant_id
		JOIN companies co ON co.id = m.company_id
		LEFT JOIN list_versions lv ON lv.company_id = co.id
		WHERE c.tenant_id = ? AND c.id = ? AND m.access = 'active' AND co.archived_at IS NULL
		ORDER BY co.name, m.id`, tenantID, id)
	if err != nil {
		return Contact{}, nil, fmt.Errorf("contact: with memberships: %w", err)
	}
	defer rows.Close()
	var c Contact
	var ms []Membership
	for rows.Next() {
		var m Membership
		var invited int64
		if err := rows.Scan(append(append(c.dest(), m.dest(&invited)...), &m.ListVersion)...); err != nil {
			return Contact{}, nil, fmt.Errorf("contact: with memberships: %w", err)
		}
		m.finish(invited)
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return Contact{}, nil, fmt.Errorf("contact: with memberships: %w", err)
	}
	if len(ms) == 0 {
		return Contact{}, nil, db.ErrNotFound
	}
	return c, ms, nil
}
