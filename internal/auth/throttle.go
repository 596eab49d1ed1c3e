package auth

import (
	"context"
	"fmt"
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
	var byAccount, byIP int
	err := q.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM login_failures WHERE tenant_id = ? AND email = ? AND at > ?),
		(SELECT COUNT(*) FROM login_failures WHERE ip = ? AND at > ? AND `+family+`)`,
		tenantID, strings.ToLower(email), since, ip, since).Scan(&byAccount, &byIP)
	if err != nil {
		return false, fmt.Errorf("auth: throttle: %w", err)
	}
	return byAccount > AccountLimit || byIP > IPLimit, nil
}

// RecordFailure counts a failed login; old rows are pruned now and then.
func RecordFailure(ctx context.Context, q db.Querier, tenantID int64, email, ip string, now time.Time) error {
	if _, err := q.Exec(ctx, `INSERT INTO login_failures (tenant_id, email, ip, at) VALUES (?, ?, ?, ?)`,
		tenantID, strings.ToLower(email), ip, now.Unix()); err != nil {
		return fmt.Errorf("auth: record failure: %w", err)
	}
	if now.UnixNano()%50 == 0 {
		q.Exec(ctx, `DELETE FROM login_failures WHERE at < ?`, now.Add(-24*time.Hour).Unix())
	}
	return nil
}

// ClearFailures forgets an account's failures after a successful login.
func ClearFailures(ctx context.Context, q db.Querier, tenantID int64, email string) error {
	_, err := q.Exec(ctx, `DELETE FROM login_failures WHERE tenant_id = ? AND email = ?`, tenantID, strings.ToLower(email))
	return err
}
