package tenant

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"pforte/internal/db"
)

// NormalPortalURL checks a portal address as an admin typed it: http or https, a host
// name or IP address with an optional port, nothing else (no path, query, fragment or
// user). It returns the address as scheme://host[:port], the host in lower case.
func NormalPortalURL(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "/")
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Opaque != "" ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?#") {
		return s, false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if ip := net.ParseIP(host); ip == nil {
		// A name whose last label is all digits ("192.168.1.300", "1.2.3") is a mistyped
		// IP address: no top-level domain is numeric, so no mail link could ever reach it.
		if _, ok := NormalHost(host); !ok || numericLabel(host[strings.LastIndex(host, ".")+1:]) {
			return s, false
		}
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return s, false
		}
		return u.Scheme + "://" + net.JoinHostPort(host, p), true
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return u.Scheme + "://" + host, true
}

// numericLabel reports whether a host name's label is digits only.
func numericLabel(l string) bool {
	return l != "" && strings.Trim(l, "0123456789") == ""
}

// SetPortalURL stores the address links in mails point to; empty clears it.
func SetPortalURL(ctx context.Context, q db.Querier, id int64, portalURL string) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET portal_url = ? WHERE id = ?`, portalURL, id); err != nil {
		return fmt.Errorf("tenant: portal address: %w", err)
	}
	return nil
}

// RememberPortalURL stores portalURL unless the tenant already has an address, and
// reports whether it did: an admin's sign-in tells where the portal is reached, and an
// admin's choice in the settings is never overwritten.
func RememberPortalURL(ctx context.Context, q db.Querier, id int64, portalURL string) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE tenants SET portal_url = ? WHERE id = ? AND portal_url = ''`, portalURL, id)
	if err != nil {
		return false, fmt.Errorf("tenant: remember portal address: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Origin is the address links for the tenant start with, in mails and on the command
// line: baseURL (PFORTE_BASE_URL) when set, else the tenant's portal address, else
// local (the listen address). baseURL is one address for the whole installation, so it
// is the default tenant's: another tenant's links use its own portal address first
// (see BaseURLFor), or a reset link would lead to another portal, where it is void.
func (t Tenant) Origin(baseURL, local string) string {
	switch {
	case t.BaseURLFor(baseURL) != "":
		return baseURL
	case t.PortalURL != "":
		return strings.TrimSuffix(t.PortalURL, "/")
	case baseURL != "":
		return baseURL
	}
	return local
}

// BaseURLFor is baseURL (PFORTE_BASE_URL) when it speaks for the tenant, else "": it
// names the default tenant's address, the only one on a single-tenant installation.
func (t Tenant) BaseURLFor(baseURL string) string {
	if t.IsDefault {
		return baseURL
	}
	return ""
}
