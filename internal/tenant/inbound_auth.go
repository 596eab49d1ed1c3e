package tenant

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
)

// MaxAuthServIDLen bounds an authserv-id (a host name in practice).
const MaxAuthServIDLen = 253

// InboundAuthServID is the authserv-id of the mail server in front of the tenant's
// support addresses, whose Authentication-Results the listener trusts to tell whether a
// mail's From address is genuine; "" trusts the From address as it is.
func InboundAuthServID(ctx context.Context, q db.Querier, id int64) (string, error) {
	var s string
	err := q.QueryRow(ctx, `SELECT inbound_authserv_id FROM tenants WHERE id = ?`, id).Scan(&s)
	if err != nil {
		return "", fmt.Errorf("tenant: inbound authserv-id: %w", db.One(err))
	}
	return s, nil
}

// SetInboundAuthServID stores the trusted authserv-id; pass it through
// CleanAuthServID first.
func SetInboundAuthServID(ctx context.Context, q db.Querier, id int64, servID string) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET inbound_authserv_id = ? WHERE id = ?`, servID, id); err != nil {
		return fmt.Errorf("tenant: set inbound authserv-id: %w", err)
	}
	return nil
}

// CleanAuthServID trims and lower-cases an authserv-id as typed; ok is false unless it
// is one MIME token (RFC 2045: no spaces, controls or specials such as ";" and "@"),
// which is what an Authentication-Results header can name, of at most
// MaxAuthServIDLen characters.
func CleanAuthServID(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) > MaxAuthServIDLen {
		return s, false
	}
	for _, r := range s {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?=`, r) {
			return s, false
		}
	}
	return s, true
}
