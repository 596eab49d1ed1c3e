package inbox_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestInbox: filters by kind and state, keyset pages, open counts per tenant, an item
// handled exactly once even when two people decide at the same moment, the payload
// round trip, and items of other domains or tenants hidden.
func TestInbox(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, now)
		other, _ := tenant.Create(ctx, d, "O", "de", nil, now)
		var ids []int64
		for i, k := range []string{inbox.KindRegistration, inbox.KindAccountDeleted, inbox.KindRegistration, inbox.KindRegistration} {
			id, err := inbox.Create(ctx, d, inbox.Item{TenantID: ten.ID, Kind: k, Title: "item", Email: []string{
				"a@Alpha.test", "b@beta.test", "c@alpha.test", "d@gamma.test"}[i]}, map[string]int{"n": i}, now)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if _, err := inbox.Create(ctx, d, inbox.Item{TenantID: other.ID, Kind: inbox.KindRegistration, Title: "x",
			Email: "x@alpha.test"}, nil, now); err != nil {
			t.Fatal(err)
		}
		count := func(tenantID int64) int {
			n, err := inbox.CountOpen(ctx, d, tenantID)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if count(ten.ID) != 4 || count(other.ID) != 1 {
			t.Fatalf("open counts %d, %d", count(ten.ID), count(other.ID))
		}
		by := inbox.By{StaffID: 0, Name: "Anna <anna@x>"}
		// Two decisions at once: exactly one wins.
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = d.InTx(ctx, func(tx *db.Tx) error {
					return inbox.Handle(ctx, tx, ten.ID, ids[0], inbox.StateAccepted, by, "", now)
				})
			}()
		}
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) || !(errors.Is(errs[0], inbox.ErrHandled) || errors.Is(errs[1], inbox.ErrHandled)) {
			t.Fatalf("concurrent handling: %v, %v", errs[0], errs[1])
		}
		if err := inbox.Handle(ctx, d, other.ID, ids[1], inbox.StateDone, by, "", now); !errors.Is(err, inbox.ErrHandled) {
			t.Errorf("another tenant handled an item: %v", err)
		}
		if err := inbox.Handle(ctx, d, ten.ID, ids[1], inbox.StateDone, by, "", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if count(ten.ID) != 2 {
			t.Errorf("open count after handling: %d", count(ten.ID))
		}
		for name, tc := range map[string]struct {
			f    inbox.Filter
			want []int64
		}{
			"open":                {inbox.Filter{State: inbox.StateOpen}, []int64{ids[3], ids[2]}},
			"all":                 {inbox.Filter{}, []int64{ids[3], ids[2], ids[1], ids[0]}},
			"registrations":       {inbox.Filter{Kind: inbox.KindRegistration}, []int64{ids[3], ids[2], ids[0]}},
			"deleted, done":       {inbox.Filter{Kind: inbox.KindAccountDeleted, State: inbox.StateDone}, []int64{ids[1]}},
			"accepted":            {inbox.Filter{State: inbox.StateAccepted}, []int64{ids[0]}},
			"declined":            {inbox.Filter{State: inbox.StateDeclined}, nil},
			"page after ids[2]":   {inbox.Filter{After: inbox.Cursor{At: now.Unix(), ID: ids[2]}}, []int64{ids[1], ids[0]}},
			"first page of two":   {inbox.Filter{Limit: 2}, []int64{ids[3], ids[2]}},
			"registrations older": {inbox.Filter{Kind: inbox.KindRegistration, After: inbox.Cursor{At: now.Unix(), ID: ids[3]}, Limit: 1}, []int64{ids[2]}},
		} {
			if got := listIDs(t, d, ten.ID, tc.f); !slices.Equal(got, tc.want) {
				t.Errorf("%s: %v, want %v", name, got, tc.want)
			}
		}
		it, err := inbox.Get(ctx, d, ten.ID, ids[1])
		if err != nil {
			t.Fatal(err)
		}
		var p struct{ N int }
		if it.Decode(&p); p.N != 1 || it.HandledBy != "Anna <anna@x>" || it.HandledAt.IsZero() || it.Domain != "beta.test" {
			t.Errorf("item read back: %+v payload %+v", it, p)
		}
		if _, err := inbox.Get(ctx, d, other.ID, ids[1]); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another tenant's item: %v", err)
		}
		open, err := inbox.OpenForDomains(ctx, d, ten.ID, inbox.KindRegistration, []string{"alpha.test"})
		if err != nil || len(open) != 1 || open[0].ID != ids[2] {
			t.Errorf("open for alpha.test: %v %+v", err, open)
		}
		if _, err := inbox.GetForDomains(ctx, d, ten.ID, ids[3], []string{"alpha.test"}); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("item of another domain: %v", err)
		}
	})
}
