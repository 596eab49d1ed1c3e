package tenant

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// ErrHostTaken means a hostname already serves another tenant; a hostname can lead to
// one portal only. SetHosts returns it wrapped in a *HostTakenError naming the host.
var ErrHostTaken = errors.New("tenant: hostname belongs to another tenant")

// HostTakenError names the hostname that belongs to another tenant, so a form can say
// which line is the problem.
type HostTakenError struct{ Host string }

// Error names the hostname.
func (e *HostTakenError) Error() string { return ErrHostTaken.Error() + ": " + e.Host }

// Is makes errors.Is(err, ErrHostTaken) true.
func (e *HostTakenError) Is(target error) bool { return target == ErrHostTaken }

// SetName renames the tenant; the name brands its portal and signs its mails.
func SetName(ctx context.Context, q db.Querier, id int64, name string) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET name = ? WHERE id = ?`, name, id); err != nil {
		return fmt.Errorf("tenant: set name: %w", err)
	}
	return nil
}

// Lock serialises changes to one tenant's settings and staff inside a transaction. On
// PostgreSQL the no-op update takes the tenant's row lock, so two admins demoting each
// other at once cannot both pass the "last admin" check; on SQLite the single writer
// already serialises transactions.
func Lock(ctx context.Context, q db.Querier, id int64) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET name = name WHERE id = ?`, id); err != nil {
		return fmt.Errorf("tenant: lock: %w", err)
	}
	return nil
}

// Hosts lists the hostnames the tenant answers on, sorted.
func Hosts(ctx context.Context, q db.Querier, tenantID int64) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT hostname FROM tenant_hosts WHERE tenant_id = ? ORDER BY hostname`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("tenant: hosts: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("tenant: hosts: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// SetHosts replaces the tenant's hostnames with hosts (already validated, see
// NormalHost). Pass a transaction: the old list is deleted before the new one is
// inserted, and a half-done replacement must not survive. A hostname of another tenant
// fails with a *HostTakenError before anything is changed.
func SetHosts(ctx context.Context, q db.Querier, tenantID int64, hosts []string) error {
	for _, h := range hosts {
		var owner int64
		err := db.One(q.QueryRow(ctx, `SELECT tenant_id FROM tenant_hosts WHERE hostname = ?`, strings.ToLower(h)).Scan(&owner))
		if err == nil && owner != tenantID {
			return &HostTakenError{Host: h}
		}
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return fmt.Errorf("tenant: host owner: %w", err)
		}
	}
	if _, err := q.Exec(ctx, `DELETE FROM tenant_hosts WHERE tenant_id = ?`, tenantID); err != nil {
		return fmt.Errorf("tenant: clear hosts: %w", err)
	}
	seen := map[string]bool{}
	for _, h := range hosts {
		if h = strings.ToLower(h); seen[h] {
			continue
		}
		seen[h] = true
		_, err := q.Exec(ctx, `INSERT INTO tenant_hosts (hostname, tenant_id) VALUES (?, ?)`, h, tenantID)
		if db.IsUnique(err) { // another tenant took it a moment ago
			return &HostTakenError{Host: h}
		}
		if err != nil {
			return fmt.Errorf("tenant: add host: %w", err)
		}
	}
	return nil
}

// NormalHost lower-cases a hostname as typed (a trailing dot dropped) and reports
// whether it is a valid DNS name: labels of letters, digits and hyphens, 1–63
// characters, not starting or ending with a hyphen, 253 characters at most. Ports,
// schemes and paths are refused, since requests are matched on the bare hostname.
func NormalHost(s string) (string, bool) {
	h := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if h == "" || len(h) > 253 {
		return h, false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return h, false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return h, false
			}
		}
	}
	return h, true
}
