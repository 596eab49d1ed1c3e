package inboxmail

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/validate"
)

// normal returns an address as blocks store it: lower-case, the domain in ASCII, and
// its domain; ok false when it is no address.
func normal(addr string) (address, domain string, ok bool) {
	addr = strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(addr), "<>")))
	i := strings.LastIndexByte(addr, '@')
	if i <= 0 || i == len(addr)-1 {
		return "", "", false
	}
	domain = validate.ASCIIDomain(addr[i+1:])
	return addr[:i] + "@" + domain, domain, true
}

// within lists domain and the domains it lies under that a block may name (two labels
// at least): mail.spam.example, spam.example.
func within(domain string) []string {
	var out []string
	for d := domain; strings.Contains(d, "."); d = d[strings.IndexByte(d, '.')+1:] {
		out = append(out, d)
	}
	return out
}

// Match returns the block that covers addr, if any: the address itself, or its domain
// or a domain it lies under (a block of spam.example covers mail.spam.example). An
// address block wins over a domain block, the closest domain over a wider one.
func Match(ctx context.Context, q db.Querier, tenantID int64, addr string) (Block, bool, error) {
	address, domain, ok := normal(addr)
	if !ok {
		return Block{}, false, nil
	}
	values := append([]string{address}, within(domain)...)
	args := []any{tenantID}
	for _, v := range values {
		args = append(args, v)
	}
	rows, err := q.Query(ctx, `SELECT `+columns+` FROM inbound_blocks WHERE tenant_id = ? AND value IN (`+
		db.Marks(len(values))+`)`, args...)
	if err != nil {
		return Block{}, false, fmt.Errorf("inboxmail: match: %w", err)
	}
	defer rows.Close()
	best, found := Block{}, false
	for rows.Next() {
		b, err := scan(rows)
		if err != nil {
			return Block{}, false, err
		}
		if !found || b.Kind == KindAddress || (best.Kind == KindDomain && len(b.Value) > len(best.Value)) {
			best, found = b, true
		}
	}
	return best, found, rows.Err()
}

// Blocked reports whether the tenant refuses mail from addr, and by which block. A
// known contact's mail is always taken, whatever blocks their address or domain: a
// block is for strangers, and must not cut off a customer. So is mail from a domain
// that a company has (given to it after the domain was blocked).
func Blocked(ctx context.Context, q db.Querier, tenantID int64, addr string) (Block, bool, error) {
	b, found, err := Match(ctx, q, tenantID, addr)
	if err != nil || !found {
		return b, false, err
	}
	address, domain, _ := normal(addr)
	if known, err := isContact(ctx, q, tenantID, addr, address); err != nil || known {
		return b, false, err
	}
	if b.Kind == KindDomain {
		if _, err := company.ByDomain(ctx, q, tenantID, domain); err == nil {
			return b, false, nil
		} else if !errors.Is(err, db.ErrNotFound) {
			return b, false, err
		}
	}
	return b, true, nil
}

// isContact reports whether a contact of the tenant has the address, as written or with
// its domain in ASCII.
func isContact(ctx context.Context, q db.Querier, tenantID int64, addrs ...string) (bool, error) {
	for _, a := range addrs {
		_, err := contact.ByEmail(ctx, q, tenantID, a)
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, db.ErrNotFound) {
			return false, err
		}
	}
	return false, nil
}
