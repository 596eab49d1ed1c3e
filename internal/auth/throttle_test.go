package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

func TestClientKey(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.7":              "192.0.2.7",
		"::ffff:192.0.2.7":       "192.0.2.7",
		"2001:db8:1:2:aaaa::1":   "2001:db8:1:2::/64",
		"[2001:db8:1:2:ffff::9]": "2001:db8:1:2::/64",
		"fe80::1%eth0":           "fe80::/64",
		"not an address":         "not an address",
		"":                       "",
	} {
		if got := auth.ClientKey(in); got != want {
			t.Errorf("ClientKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestThrottleIPv6Network: guesses against many accounts from fresh addresses of one
// IPv6 /64 are counted as one client and stopped at the address limit; another /64 is
// not affected.
func TestThrottleIPv6Network(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		limited := false
		for i := 0; i <= auth.IPLimit; i++ {
			email, ip := fmt.Sprintf("user%d@kunde.test", i), fmt.Sprintf("2001:db8:1:2::%x", i+1)
			if err := auth.RecordFailure(ctx, d, 1, email, ip, now); err != nil {
				t.Fatal(err)
			}
			var err error
			if limited, err = auth.Throttled(ctx, d, 1, email, ip, now); err != nil {
				t.Fatal(err)
			}
		}
		if !limited {
			t.Errorf("%d guesses from one /64 are not throttled", auth.IPLimit+1)
		}
		if l, _ := auth.Throttled(ctx, d, 1, "other@kunde.test", "2001:db8:9:9::1", now); l {
			t.Errorf("another /64 is throttled too")
		}
	})
}

// TestPasswordThrottledPerClient: a password is refused for the client that failed
// AccountLimit times for the account, not for another client, until the account
// failed AccountIPsLimit times from all clients together; Throttled, for mail and
// codes, refuses every client after AccountLimit.
func TestPasswordThrottledPerClient(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		fail := func(key, ip string, n int) {
			for range n {
				if err := auth.RecordFailure(ctx, d, 1, key, ip, now); err != nil {
					t.Fatal(err)
				}
			}
		}
		check := func(what string, f func(context.Context, db.Querier, int64, string, string, time.Time) (bool, error), key, ip string, want bool) {
			t.Helper()
			if got, err := f(ctx, d, 1, key, ip, now); err != nil || got != want {
				t.Errorf("%s for %s from %s = %v (%v), want %v", what, key, ip, got, err, want)
			}
		}
		fail("felix@kunde.test", "198.51.100.7", auth.AccountLimit+1)
		check("password", auth.PasswordThrottled, "felix@kunde.test", "198.51.100.7", true)
		check("password", auth.PasswordThrottled, "Felix@kunde.test", "203.0.113.9", false)
		check("password", auth.PasswordThrottled, "other@kunde.test", "198.51.100.7", false)
		fail("reset:felix@kunde.test", "198.51.100.7", auth.AccountLimit+1)
		check("mail", auth.Throttled, "reset:felix@kunde.test", "203.0.113.9", true)

		for i := 0; i*auth.AccountLimit <= auth.AccountIPsLimit; i++ {
			fail("botnet@kunde.test", fmt.Sprintf("192.0.2.%d", i+1), auth.AccountLimit)
		}
		check("password", auth.PasswordThrottled, "botnet@kunde.test", "203.0.113.9", true)
		check("password", auth.PasswordThrottled, "felix@kunde.test", "203.0.113.9", false)
	})
}
