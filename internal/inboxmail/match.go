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

// BlockedMail reports whether the tenant refuses a mail with envelope sender envelope
// and From address from, and by which block: when the From address is blocked
// (Blocked), or the envelope sender is, unless the From address is a known contact's
// or at a company's domain. Mailing services, forwarders and lists send a customer's
// mail with an envelope at their own domain: a block of that domain must not cut the
// customer off. An empty envelope (a bounce) names nobody.
func BlockedMail(ctx context.Context, q db.Querier, tenantID int64, envelope, from string) (Block, bool, error) {
	b, blocked, err := Blocked(ctx, q, tenantID, from)
	if err != nil || blocked || envelope == "" {
		return b, blocked, err
	}
	if b, blocked, err = Blocked(ctx, q, tenantID, envelope); err != nil || !blocked {
		return b, false, err
	}
	if address, domain, ok := normal(from); ok {
		if known, err := isContact(ctx, q, tenantID, from, address); err != nil || known {
			return b, false, err
		}
		if _, err := company.ByDomain(ctx, q, tenantID, domain); err == nil {
			return b, false, nil
		} else if !errors.Is(err, db.ErrNotFound) {
			return b, false, err
		}
	}
	return b, true, nil
}

// HasAddress reports whether addr is an address a block could name.
func HasAddress(addr string) bool {
	_, _, ok := normal(addr)
	return ok
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
