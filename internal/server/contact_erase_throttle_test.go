package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestEraseForgetsCountedRequests: the throttle counts requests for reset links and
// registrations under the address typed ("reset:…", "register:…"), as it counts failed
// sign-ins and second factors; erasing the contact takes all of them, so no row keeps
// the erased person's address.
func TestEraseForgetsCountedRequests(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		now := time.Now()
		for _, key := range []string{"uwe@alpha.test", "2fa:uwe@alpha.test", "reset:uwe@alpha.test", "register:uwe@alpha.test",
			"reset:ula@alpha.test"} {
			if err := auth.RecordFailure(ctx, d.env.DB, d.t.ID, key, "192.0.2.7", now); err != nil {
				t.Fatal(err)
			}
		}
		page := "/admin/contacts/" + id(d.uwe)
		if r := d.admin.Post(page+"/erase", url.Values{"confirm": {"uwe@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d", r.Status)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM login_failures WHERE email LIKE ?`, "%uwe@alpha.test"); n != 0 {
			t.Errorf("%d counted requests still carry the erased address", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM login_failures WHERE email = ?`, "reset:ula@alpha.test"); n != 1 {
			t.Errorf("Ula's counted request: %d rows, want 1 (not hers to erase)", n)
		}
	})
}
