package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// PasswordLockedUntil tells until when PasswordThrottled refuses sign-ins to the account
// key email from some client (the latest such time), or the zero time when no client is
// refused now. Staff see it on a contact's page: a customer who mistyped their password
// too often is locked out on their own device while a stranger elsewhere is not.
func PasswordLockedUntil(ctx context.Context, q db.Querier, tenantID int64, email string, now time.Time) (time.Time, error) {
	return lockedUntil(ctx, q, tenantID, email, AccountIPsLimit, now)
}

// LockedUntil is PasswordLockedUntil for the limits of Throttled (a second factor):
// the account is refused for everyone after AccountLimit failures from anywhere.
func LockedUntil(ctx context.Context, q db.Querier, tenantID int64, email string, now time.Time) (time.Time, error) {
	return lockedUntil(ctx, q, tenantID, email, AccountLimit, now)
}

// lockedUntil finds when the failures that lock the account key email age out of the
// Window. An attempt is counted before it is checked, so limit failures already refuse
// the next attempt, until the limit-th newest of them is older than Window. Every
// client counts against AccountLimit on its own, all of them together against
// accountLimit.
func lockedUntil(ctx context.Context, q db.Querier, tenantID int64, email string, accountLimit int, now time.Time) (time.Time, error) {
	rows, err := q.Query(ctx, `SELECT ip, at FROM login_failures WHERE tenant_id = ? AND email = ? AND at > ?
		ORDER BY at DESC, id DESC`, tenantID, strings.ToLower(email), now.Add(-Window).Unix())
	if err != nil {
		return time.Time{}, fmt.Errorf("auth: lock state: %w", err)
	}
	defer rows.Close()
	var all []int64
	perClient := map[string][]int64{}
	for rows.Next() {
		var ip string
		var at int64
		if err := rows.Scan(&ip, &at); err != nil {
			return time.Time{}, fmt.Errorf("auth: lock state: %w", err)
		}
		all = append(all, at)
		perClient[ip] = append(perClient[ip], at)
	}
	if err := rows.Err(); err != nil {
		return time.Time{}, fmt.Errorf("auth: lock state: %w", err)
	}
	var until int64
	keep := func(ats []int64, limit int) {
		if len(ats) >= limit && ats[limit-1]+int64(Window.Seconds()) > until {
			until = ats[limit-1] + int64(Window.Seconds())
		}
	}
	keep(all, accountLimit)
	for _, ats := range perClient {
		keep(ats, AccountLimit)
	}
	if until == 0 {
		return time.Time{}, nil
	}
	return time.Unix(until, 0), nil
}
