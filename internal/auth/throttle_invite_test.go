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

// TestInvitationsApartFromSignIns: a company's colleague invitations are counted in the
// throttle's table under "invite:" keys (access.ColleagueInviteLimit). An office whose
// main contacts invite their team from one address must not have those counted as the
// address's failed sign-ins, or the whole office would be locked out of signing in.
func TestInvitationsApartFromSignIns(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now, ip := context.Background(), time.Now(), "198.51.100.20"
		for i := 0; i <= auth.IPLimit; i++ {
			if err := auth.RecordFailure(ctx, d, 1, fmt.Sprintf("invite:company:%d", i%3+1), ip, now); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []func(context.Context, db.Querier, int64, string, string, time.Time) (bool, error){auth.Throttled, auth.PasswordThrottled} {
			if limited, err := f(ctx, d, 1, "anna@kunde.test", ip, now); err != nil || limited {
				t.Errorf("sign-in from an address that sent %d invitations: limited %v (%v)", auth.IPLimit+1, limited, err)
			}
		}
	})
}
