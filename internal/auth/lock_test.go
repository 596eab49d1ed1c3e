package auth_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestLockedUntil: the lock staff see agrees with the throttle itself. One client's
// AccountLimit failures refuse its next password, locked until the oldest of them ages
// out; fewer are no lock; the second factor's key locks after AccountLimit from anyone.
func TestLockedUntil(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Unix(1_800_000_000, 0)
		email := "Anna@Kunde.test"
		for i := range auth.AccountLimit - 1 {
			if err := auth.RecordFailure(ctx, d, 1, email, "192.0.2.1", now.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		at := now.Add(10 * time.Minute)
		if until, err := auth.PasswordLockedUntil(ctx, d, 1, email, at); err != nil || !until.IsZero() {
			t.Fatalf("%d failures: locked until %v (%v)", auth.AccountLimit-1, until, err)
		}
		auth.RecordFailure(ctx, d, 1, email, "192.0.2.1", now.Add(5*time.Minute))
		auth.RecordFailure(ctx, d, 1, email, "192.0.2.1", now.Add(6*time.Minute))
		// Six failures (minutes 0, 1, 2, 3, 5, 6): the lock lasts until the fifth newest,
		// at minute 1, ages out.
		until, err := auth.PasswordLockedUntil(ctx, d, 1, "anna@kunde.test", at)
		if want := now.Add(time.Minute + auth.Window); err != nil || !until.Equal(want) {
			t.Errorf("locked until %v, want %v (%v)", until, want, err)
		}
		// The throttle itself refuses a second before and lets in at that time.
		refused := func(when time.Time) bool {
			auth.RecordFailure(ctx, d, 1, email, "192.0.2.1", when)
			limited, _ := auth.PasswordThrottled(ctx, d, 1, email, "192.0.2.1", when)
			auth.ForgetFailure(ctx, d, 1, email, "192.0.2.1", when)
			return limited
		}
		if !refused(until.Add(-time.Second)) || refused(until) {
			t.Errorf("throttle disagrees: refused a second before %v: %v, at it: %v", until, refused(until.Add(-time.Second)), refused(until))
		}
		if until, _ := auth.PasswordLockedUntil(ctx, d, 1, email, until); !until.IsZero() {
			t.Errorf("still locked when the failures aged out: %v", until)
		}
		if until, _ := auth.PasswordLockedUntil(ctx, d, 2, email, at); !until.IsZero() {
			t.Errorf("another tenant's account locked: %v", until)
		}
		for i := range auth.AccountLimit {
			auth.RecordFailure(ctx, d, 1, "2fa:anna@kunde.test", "192.0.2."+string(rune('1'+i)), now)
		}
		if until, _ := auth.LockedUntil(ctx, d, 1, "2fa:anna@kunde.test", at); !until.Equal(now.Add(auth.Window)) {
			t.Errorf("second factor locked until %v, want %v", until, now.Add(auth.Window))
		}
	})
}
