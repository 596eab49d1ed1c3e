package tenant

import (
	"context"
	"errors"
	"fmt"
	netmail "net/mail"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// MaxSupportAddresses bounds how many support addresses one tenant has.
const MaxSupportAddresses = 10

// ErrAddressTaken means another tenant already receives mail at the address: an
// address leads to exactly one tenant.
var ErrAddressTaken = errors.New("tenant: support address belongs to another tenant")

// AddressTakenError names the address another tenant has; errors.Is matches it with
// ErrAddressTaken.
type AddressTakenError struct{ Address string }

// Error is ErrAddressTaken's text with the address, which logs and messages can name.
func (e *AddressTakenError) Error() string { return ErrAddressTaken.Error() + ": " + e.Address }

// Unwrap makes the error match ErrAddressTaken.
func (e *AddressTakenError) Unwrap() error { return ErrAddressTaken }

// SplitSupportAddresses reads a list of addresses separated by commas, semicolons or
// white space, lower-cased and without repeats. It reports the first entry that is not
// a bare address usable for support mail: a display name, a "+" in the local part (the
// portal's reply addresses are support+token@…) or an address over 254 characters.
func SplitSupportAddresses(s string) (addrs []string, bad string) {
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	}) {
		a, err := netmail.ParseAddress(f)
		if err != nil || a.Address != f || len(f) > validate.MaxEmail || strings.ContainsRune(f[:strings.LastIndexByte(f, '@')], '+') {
			return nil, f
		}
		low := strings.ToLower(f)
		if !seen[low] {
			seen[low] = true
			addrs = append(addrs, low)
		}
	}
	return addrs, ""
}

// SupportAddresses lists the tenant's support addresses in the order they were saved.
func SupportAddresses(ctx context.Context, q db.Querier, tenantID int64) ([]string, error) {
	out, err := addresses(ctx, q, `SELECT address FROM support_addresses WHERE tenant_id = ? ORDER BY id`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("tenant: support addresses: %w", err)
	}
	return out, nil
}

// TakenSupportAddresses returns those of addrs that another tenant already has.
func TakenSupportAddresses(ctx context.Context, q db.Querier, tenantID int64, addrs []string) ([]string, error) {
	if len(addrs) == 0 {
		return nil, nil
	}
	args := []any{tenantID}
	for _, a := range addrs {
		args = append(args, a)
	}
	marks := db.Marks(len(addrs))
	out, err := addresses(ctx, q, `SELECT address FROM support_addresses WHERE tenant_id <> ? AND address IN (`+marks+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("tenant: taken addresses: %w", err)
	}
	return out, nil
}

// addresses runs a query of one text column and returns its values.
func addresses(ctx context.Context, q db.Querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetSupportAddresses replaces the tenant's support addresses (as SplitSupportAddresses
// returns them). An address another tenant has is an *AddressTakenError; pass a transaction
// so nothing changes then.
func SetSupportAddresses(ctx context.Context, q db.Querier, tenantID int64, addrs []string, now time.Time) error {
	if _, err := q.Exec(ctx, `DELETE FROM support_addresses WHERE tenant_id = ?`, tenantID); err != nil {
		return fmt.Errorf("tenant: set support addresses: %w", err)
	}
	for _, a := range addrs {
		_, err := q.Exec(ctx, `INSERT INTO support_addresses (tenant_id, address, created_at) VALUES (?, ?, ?)`,
			tenantID, strings.ToLower(a), now.Unix())
		if db.IsUnique(err) {
			return &AddressTakenError{Address: a}
		}
		if err != nil {
			return fmt.Errorf("tenant: set support addresses: %w", err)
		}
	}
	return nil
}

// BySupportAddress finds the tenant that receives mail at addr (compared lower-case);
// db.ErrNotFound when none does.
func BySupportAddress(ctx context.Context, q db.Querier, addr string) (int64, error) {
	var id int64
	err := q.QueryRow(ctx, `SELECT tenant_id FROM support_addresses WHERE address = ?`, strings.ToLower(addr)).Scan(&id)
	return id, db.One(err)
}
