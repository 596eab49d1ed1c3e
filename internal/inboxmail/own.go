package inboxmail

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// ownAddresses lists the tenant's own addresses, as blocks store them: its support
// addresses and its staff's.
func ownAddresses(ctx context.Context, q db.Querier, tenantID int64) ([]string, error) {
	addrs, err := tenant.SupportAddresses(ctx, q, tenantID)
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, `SELECT email FROM staff WHERE tenant_id = ?`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("inboxmail: staff addresses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		addrs = append(addrs, a)
	}
	return addrs, rows.Err()
}

// ownAddressUnder returns one of the tenant's own addresses (ownAddresses) that a block
// of e would cover ("" for none): a tenant blocking its own domain would refuse its
// staff's mail to support, and a forwarded mail of its own.
func ownAddressUnder(ctx context.Context, q db.Querier, tenantID int64, e Entry) (string, error) {
	addrs, err := ownAddresses(ctx, q, tenantID)
	if err != nil {
		return "", err
	}
	for _, a := range addrs {
		if address, domain, ok := normal(a); ok && covers(e, address, domain) {
			return a, nil
		}
	}
	return "", nil
}
