package auth

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"pforte/internal/db"
)

// Throttle limits within Window. A client (ClientKey) may fail AccountLimit times for
// one account and IPLimit times in all. How often an account may fail from all clients
// together depends on what is checked: Throttled, for requests that send mail to the
// account or check a second factor, allows AccountLimit; PasswordThrottled, for
// passwords, allows AccountIPsLimit, so that someone who knows an address cannot lock
// its owner out by typing wrong passwords (see PasswordThrottled). The state lives in
// the database so that every instance behind a load balancer counts the same failures.
const (
	Window          = 15 * time.Minute
	AccountLimit    = 5
	AccountIPsLimit = 50
	IPLimit         = 30
)

// Throttled reports whether a request for the account key email from ip must be refused
// now: the account failed AccountLimit times from anywhere, or the client IPLimit times.
// It suits requests whose count protects the account's owner whoever asks: a mailbox
// from being flooded with links, a second factor from being guessed by several
// clients with the password. Call it after RecordFailure for the attempt itself:
// counting first means parallel guesses cannot all slip in under the limit.
func Throttled(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) (bool, error) {
	n, err := failures(ctx, q, tenantID, email, ip, now)
	return n.account > AccountLimit || n.ip > IPLimit, err
}

// PasswordThrottled is Throttled for a password: refused when this client failed
// AccountLimit times for the account, the account AccountIPsLimit times from all
// clients together (a guessing botnet), or the client IPLimit times in all. A stranger
// who types wrong passwords for someone else's address so locks only themselves out;
// the owner, from their own address, still signs in (and a passkey or a reset link
// works even while the account is locked for everyone).
func PasswordThrottled(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) (bool, error) {
	n, err := failures(ctx, q, tenantID, email, ip, now)
	return n.pair > AccountLimit || n.account > AccountIPsLimit || n.ip > IPLimit, err
}

// counts are an attempt's recent failures: of the account from this client, of the
// account from anywhere, and of this client among its family of requests.
type counts struct{ pair, account, ip int }

// failures counts the recent failures of an account and of a client among its family.
func failures(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) (counts, error) {
	since := now.Add(-Window).Unix()
	// Requests that only send mail (reset links, registrations, a company's colleague
	// invitations) are counted per client among their own kind, so an office filling in
	// registrations or inviting its team does not lock its colleagues out of signing
	// in, nor sign-in guesses block a reset.
	family := `email NOT LIKE 'reset:%' AND email NOT LIKE 'register:%' AND email NOT LIKE 'invite:%'`
	for _, p := range []string{"reset:", "register:", "invite:"} {
		if strings.HasPrefix(email, p) {
			family = `email LIKE '` + p + `%'`
		}
	}
	var n counts
	key, client := strings.ToLower(email), ClientKey(ip)
	err := q.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM login_failures WHERE tenant_id = ? AND email = ? AND ip = ? AND at > ?),
		(SELECT COUNT(*) FROM login_failures WHERE tenant_id = ? AND email = ? AND at > ?),
		(SELECT COUNT(*) FROM login_failures WHERE ip = ? AND at > ? AND `+family+`)`,
		tenantID, key, client, since, tenantID, key, since, client, since).Scan(&n.pair, &n.account, &n.ip)
	if err != nil {
		return counts{}, fmt.Errorf("auth: throttle: %w", err)
	}
	return n, nil
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
		q.Exec(ctx, `DELETE FROM login_failures WHERE at < ?`, now.Add(-Kept).Unix())
	}
	return nil
}

// Kept is how long RecordFailure keeps what it counted: no count may look further back.
const Kept = 24 * time.Hour

// Recorded counts what RecordFailure counted under key since since, from any client
// (a quota rather than a throttle: a company's colleague invitations).
func Recorded(ctx context.Context, q db.Querier, tenantID int64, key string, since time.Time) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM login_failures WHERE tenant_id = ? AND email = ? AND at > ?`,
		tenantID, strings.ToLower(key), since.Unix()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("auth: count recorded: %w", err)
	}
	return n, nil
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
