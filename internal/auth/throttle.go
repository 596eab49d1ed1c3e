package auth

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"pforte/internal/db"
)

// Throttle limits: within Window, at most AccountLimit failures for one account and
// IPLimit failures from one address. The state lives in the database so that every
// instance behind a load balancer counts the same failures.
const (
	Window       = 15 * time.Minute
	AccountLimit = 5
	IPLimit      = 30
)

// Throttled reports whether a login for email from ip must be refused now. Call it after
// RecordFailure for the attempt itself: counting first means parallel guesses cannot all
// slip in under the limit.
func Throttled(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) (bool, error) {
	byAccount, byIP, err := failures(ctx, q, tenantID, email, ip, now)
	return byAccount > AccountLimit || byIP > IPLimit, err
}

// failures counts the recent failures of an account and of a client among its family.
func failures(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) (byAccount, byIP int, err error) {
	since := now.Add(-Window).Unix()
	// Requests that only send mail (reset links, registrations) are counted per client
	// among their own kind, so an office filling in registrations does not lock its
	// colleagues out of signing in, nor sign-in guesses block a reset.
	family := `email NOT LIKE 'reset:%' AND email NOT LIKE 'register:%'`
	for _, p := range []string{"reset:", "register:"} {
		if strings.HasPrefix(email, p) {
			family = `email LIKE '` + p + `%'`
		}
	}
	err = q.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM login_failures WHERE tenant_id = ? AND email = ? AND at > ?),
		(SELECT COUNT(*) FROM login_failures WHERE ip = ? AND at > ? AND `+family+`)`,
		tenantID, strings.ToLower(email), since, ClientKey(ip), since).Scan(&byAccount, &byIP)
	if err != nil {
		return 0, 0, fmt.Errorf("auth: throttle: %w", err)
	}
	return byAccount, byIP, nil
}

// ClientKey is what the throttle counts a client address under: an IPv4 address as it
// is, an IPv6 address by its /64 network. A single machine or household is given a
// whole /64 and can pick a new address in it for every guess, so counting single IPv6
// addresses would let one client pass the address limit at will.
func ClientKey(ip string) string {
	a, err := netip.ParseAddr(strings.Trim(ip, "[]")) // "[2001:db8::1]" from an IPv6 RemoteAddr
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is4() {
		return a.String()
	}
	p, err := a.WithZone("").Prefix(64)
	if err != nil {
		return ip
	}
	return p.String()
}

// RecordFailure counts a failed login; old rows are pruned now and then.
func RecordFailure(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) error {
	if _, err := q.Exec(ctx, `INSERT INTO login_failures (tenant_id, email, ip, at) VALUES (?, ?, ?, ?)`,
		tenantID, strings.ToLower(email), ClientKey(ip), now.Unix()); err != nil {
		return fmt.Errorf("auth: record failure: %w", err)
	}
	if now.UnixNano()%50 == 0 {
		q.Exec(ctx, `DELETE FROM login_failures WHERE at < ?`, now.Add(-24*time.Hour).Unix())
	}
	return nil
}

// ForgetFailure takes back the failure RecordFailure counted for an attempt that turned
// out right but did not end in a sign-in (a change-password form with the right current
// password and a new one that breaks the rules): only a wrong password is a failure, yet
// counting before checking keeps parallel guesses from slipping in under the limit.
func ForgetFailure(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) error {
	_, err := q.Exec(ctx, `DELETE FROM login_failures WHERE id = (SELECT MAX(id) FROM login_failures
		WHERE tenant_id = ? AND email = ? AND ip = ? AND at = ?)`, tenantID, strings.ToLower(email), ClientKey(ip), now.Unix())
	if err != nil {
		return fmt.Errorf("auth: forget failure: %w", err)
	}
	return nil
}

// ClearFailures forgets an account's failures after a successful login.
func ClearFailures(ctx context.Context, q db.Querier, tenantID int64, email string) error {
	_, err := q.Exec(ctx, `DELETE FROM login_failures WHERE tenant_id = ? AND email = ?`, tenantID, strings.ToLower(email))
	return err
}
