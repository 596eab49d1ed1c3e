package outbox

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestFilterHeld: the state filter "held" lists a tenant's mails a restore held (not
// another tenant's, not one already released), "queued" the other waiting ones, also
// in a text search; an unknown state filters nothing.
func TestFilterHeld(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		a, b := twoTenants(t, d, now)
		held, released := queueTo(t, d, a.ID, "held@x.test", now), queueTo(t, d, a.ID, "released@x.test", now)
		queueTo(t, d, b.ID, "other@x.test", now)
		if _, err := HoldQueued(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := Retry(ctx, d, a.ID, released, now); err != nil {
			t.Fatal(err)
		}
		waiting := queueTo(t, d, a.ID, "new@x.test", now) // queued after the restore
		for _, c := range []struct {
			f    Filter
			want []int64
		}{
			{Filter{State: StateHeld}, []int64{held}},
			{Filter{State: "queued"}, []int64{waiting, released}},
			{Filter{State: StateHeld, Query: "x.test"}, []int64{held}},
			{Filter{State: "queued", Query: "held"}, nil},
			{Filter{State: "nonsense"}, []int64{waiting, released, held}},
		} {
			p, err := Search(ctx, d, a.ID, c.f, 0, true, 50)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, m := range p.Mails {
				got = append(got, m.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%+v: mails %v, want %v", c.f, got, c.want)
			}
		}
	})
}
