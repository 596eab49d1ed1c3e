package access

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
)

// TestInvitationReleaseAfterCancel: an invitation counted against the company's daily
// limit is taken back when it fails. It fails most often because its request ended
// (the browser closed or navigated away), and then the request's context is cancelled
// too: the count must still be taken back, or each such attempt would use up the quota.
func TestInvitationReleaseAfterCancel(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		now := time.Now()
		s := &Service{DB: d, Now: func() time.Time { return now }}
		ctx, cancel := context.WithCancel(context.Background())
		release, err := s.countInvitation(ctx, principal.Contact{TenantID: 1, CompanyID: 7}, Actor{Label: "chefin@kunde.test", IP: "198.51.100.7"}, now)
		if err != nil {
			t.Fatal(err)
		}
		cancel() // the request ends while the invitation is under way
		release()
		var n int
		if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM login_failures WHERE email = ?`, inviteKey(7)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d invitations still counted after the failed one was released", n)
		}
	})
}
