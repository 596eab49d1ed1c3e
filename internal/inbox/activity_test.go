package inbox_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestInboxActivityOrder: the list goes by last activity, newest first. A new item
// starts at its arrival; a mail continuing an item's conversation brings it to the top,
// handled or still open, and opens it again; reopening a done item does too; handling
// an item or reading it moves nothing. Items of the same second keep a fixed order
// (by id), and paging with the cursor shows each item once, none left out, also when
// the items of a page boundary share their second.
func TestInboxActivityOrder(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, t0 := context.Background(), time.Unix(1_700_000_000, 0)
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, t0)
		add := func(kind string, at time.Time) int64 {
			t.Helper()
			id, err := inbox.Create(ctx, d, inbox.Item{TenantID: ten.ID, Kind: kind, Title: "item", Email: "a@x.test"}, nil, at)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		ids := func(f inbox.Filter) []int64 { t.Helper(); return listIDs(t, d, ten.ID, f) }
		a := add(inbox.KindMail, t0)
		b := add(inbox.KindMail, t0.Add(time.Minute))
		c := add(inbox.KindAccountDeleted, t0.Add(2*time.Minute))
		open := inbox.Filter{State: inbox.StateOpen}
		if got := ids(open); !slices.Equal(got, []int64{c, b, a}) {
			t.Fatalf("new items: %v", got)
		}
		// A mail joins the oldest open item: it comes to the top, arrival kept.
		if err := inbox.Continued(ctx, d, ten.ID, a, t0.Add(3*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := ids(open); !slices.Equal(got, []int64{a, c, b}) {
			t.Errorf("after a mail joined: %v", got)
		}
		if it, _ := inbox.Get(ctx, d, ten.ID, a); !it.CreatedAt.Equal(t0) || !it.ActiveAt.Equal(t0.Add(3*time.Minute)) {
			t.Errorf("continued item: arrived %v, active %v", it.CreatedAt, it.ActiveAt)
		}
		// Handling moves nothing; a mail joining a handled item opens it at the top.
		by := inbox.By{Name: "Anna <anna@x>"}
		if err := inbox.Handle(ctx, d, ten.ID, b, inbox.StateDone, by, "", t0.Add(4*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := ids(inbox.Filter{}); !slices.Equal(got, []int64{a, c, b}) {
			t.Errorf("after handling: %v", got)
		}
		if err := inbox.Continued(ctx, d, ten.ID, b, t0.Add(5*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if it, _ := inbox.Get(ctx, d, ten.ID, b); !it.Open() || !it.HandledAt.IsZero() {
			t.Errorf("continued handled item: %+v", it)
		}
		if got := ids(open); !slices.Equal(got, []int64{b, a, c}) {
			t.Errorf("after a mail joined a handled item: %v", got)
		}
		// Reopening a done item brings it up too.
		if err := inbox.Handle(ctx, d, ten.ID, c, inbox.StateDone, by, "", t0.Add(6*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := inbox.ReopenDone(ctx, d, ten.ID, c, "a@x.test", t0.Add(7*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := ids(open); !slices.Equal(got, []int64{c, b, a}) {
			t.Errorf("after reopening: %v", got)
		}

		// Paging: 23 more items, most sharing a second, walked three at a time.
		for i := range 23 {
			add([]string{inbox.KindMail, inbox.KindRegistration}[i%2], t0.Add(time.Duration(i/5)*time.Minute))
		}
		for _, f := range []inbox.Filter{{}, open, {Kind: inbox.KindMail}, {State: inbox.StateOpen, Kind: inbox.KindMail}} {
			whole := ids(inbox.Filter{State: f.State, Kind: f.Kind, Limit: 200})
			var walked []int64
			f.Limit = 3
			for page := 0; page < 20; page++ {
				items, err := inbox.List(ctx, d, ten.ID, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range items {
					walked = append(walked, it.ID)
				}
				if len(items) < f.Limit {
					break
				}
				f.After = inbox.CursorOf(items[len(items)-1])
			}
			if !slices.Equal(walked, whole) {
				t.Errorf("%+v: paged %v, whole list %v", f, walked, whole)
			}
		}
	})
}

// TestInboxCursor: a cursor goes into a link and back; anything else (an id alone from
// an older link, garbage) is no cursor, so the list starts at its first page.
func TestInboxCursor(t *testing.T) {
	c := inbox.Cursor{At: 1_700_000_000, ID: 42}
	if got, ok := inbox.ParseCursor(c.String()); !ok || got != c {
		t.Errorf("round trip: %+v %v", got, ok)
	}
	for _, s := range []string{"", "42", "x_1", "1_x", "1_0", "-1_5", "1_2_3"} {
		if _, ok := inbox.ParseCursor(s); ok {
			t.Errorf("%q read as a cursor", s)
		}
	}
}

// TestInboxListPlans: each of the list's filters walks an index in the list's order,
// so a page costs the same with 100,000 items as with 100 and nothing is sorted.
func TestInboxListPlans(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, t0 := context.Background(), time.Unix(1_700_000_000, 0)
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, t0)
		// 4,000 items: every fourth open, kinds mixed, a second apart.
		if _, err := d.Exec(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
			INSERT INTO inbox_items (tenant_id, kind, state, title, created_at, active_at)
			SELECT ?, CASE WHEN i % 3 = 0 THEN 'mail' ELSE 'registration' END,
				CASE WHEN i % 4 = 0 THEN 'open' ELSE 'done' END, 'item', ? + i, ? + i FROM n`, ten.ID, t0.Unix(), t0.Unix()); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `ANALYZE`); err != nil {
			t.Fatal(err)
		}
		after := inbox.Cursor{At: t0.Unix() + 2000, ID: 2000}
		for _, f := range []inbox.Filter{{State: inbox.StateOpen}, {}, {Kind: inbox.KindMail}, {State: inbox.StateDone, Kind: inbox.KindMail},
			{State: inbox.StateOpen, After: after}, {After: after}} {
			f.Limit = 51
			x := &testutil.Explainer{DB: d}
			if _, err := inbox.List(ctx, x, ten.ID, f); err != nil {
				t.Fatal(err)
			}
			plan := x.Plans.String()
			if strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "Sort") || !strings.Contains(plan, "inbox_items_") {
				t.Errorf("%+v: not an index walk in order:\n%s", f, plan)
			}
		}
	})
}

// listIDs lists tenant's inbox items under filter f and returns their ids in order.
func listIDs(t *testing.T, d *db.DB, tenantID int64, f inbox.Filter) []int64 {
	t.Helper()
	items, err := inbox.List(context.Background(), d, tenantID, f)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}
