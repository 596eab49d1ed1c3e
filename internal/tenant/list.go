package tenant

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// List returns every tenant of the installation, the default first, then by id, for
// the operator's command line (an installation holds a handful, never thousands).
// Branding texts are not read.
func List(ctx context.Context, q db.Querier) ([]Tenant, error) {
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM tenants ORDER BY is_default DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("tenant: list: %w", err)
	}
	defer rows.Close()
	var out []Tenant
	for rows.Next() {
		t, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("tenant: list: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Unreachable lists the tenants without a host name of their own. While an
// installation has one tenant, every host reaches it; once there are two, such a
// tenant is reached by none (ForHost), so a second tenant is added only after each
// existing one has a host name.
func Unreachable(ctx context.Context, q db.Querier) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT name FROM tenants t WHERE NOT EXISTS
		(SELECT 1 FROM tenant_hosts h WHERE h.tenant_id = t.id) ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("tenant: without host names: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// HostOwner is the name of the tenant answering on host ("" for none).
func HostOwner(ctx context.Context, q db.Querier, host string) (string, error) {
	var name string
	err := db.One(q.QueryRow(ctx, `SELECT t.name FROM tenant_hosts h JOIN tenants t ON t.id = h.tenant_id
		WHERE h.hostname = ?`, host).Scan(&name))
	if err == db.ErrNotFound {
		return "", nil
	}
	return name, err
}
