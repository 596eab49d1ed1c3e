package twofactor_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/twofactor"
)

// TestEnabledAmong: only the asked contacts of the tenant come back, and only those
// whose second factor is switched on (not pending); a list longer than one query's
// share is asked in parts. On SQLite the plan shows the primary-key lookup rather than
// a scan of the tenant's table (the Colleagues page asks this on every view).
func TestEnabledAmong(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx, now := context.Background(), time.Now()
		ten, other := env.Tenant("Service GmbH"), env.Tenant("Andere GmbH")
		co, oco := env.Company(ten, "Kunde AG"), env.Company(other, "Fremd AG")
		on := env.Contact(ten, "on@kunde.test", "on-password-1", "user", co)
		pending := env.Contact(ten, "pending@kunde.test", "pending-password-1", "user", co)
		notAsked := env.Contact(ten, "other@kunde.test", "other-password-1", "user", co)
		foreign := env.Contact(other, "on@fremd.test", "fremd-password-1", "user", oco)
		for _, c := range []struct {
			tenant, id int64
			enable     bool
		}{{ten.ID, on.ID, true}, {ten.ID, pending.ID, false}, {ten.ID, notAsked.ID, true}, {other.ID, foreign.ID, true}} {
			if err := twofactor.SetPending(ctx, env.DB, c.tenant, c.id, "sealed", now); err != nil {
				t.Fatal(err)
			}
			if c.enable {
				if err := twofactor.Enable(ctx, env.DB, c.tenant, c.id, 1, now); err != nil {
					t.Fatal(err)
				}
			}
		}
		// 1,200 ids: three parts, the enabled one in the last.
		ids := make([]int64, 0, 1200)
		for i := range int64(1197) {
			ids = append(ids, 1_000_000+i)
		}
		ids = append(ids, pending.ID, foreign.ID, on.ID)
		x := &testutil.Explainer{DB: env.DB}
		got, err := twofactor.Contacts.EnabledAmong(ctx, x, ten.ID, ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !got[on.ID] {
			t.Errorf("enabled among: %v, want only %d", got, on.ID)
		}
		if none, err := twofactor.Contacts.EnabledAmong(ctx, env.DB, ten.ID, nil); err != nil || len(none) != 0 {
			t.Errorf("no ids: %v %v", none, err)
		}
		if plans := x.Plans.String(); e == db.SQLite && (!strings.Contains(plans, "SEARCH contact_totp USING") || strings.Contains(plans, "SCAN contact_totp")) {
			t.Errorf("not looked up by key:\n%s", plans)
		}
	})
}
