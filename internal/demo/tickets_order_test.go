package demo_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/testutil"
)

// TestDemoTicketsChronological: the demo tickets' numbers follow their opening dates,
// so sorting by number ("oldest first") agrees with the dates the lists show.
func TestDemoTicketsChronological(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, d, time.Now()); err != nil {
			t.Fatal(err)
		}
		rows, err := d.Query(ctx, `SELECT id, created_at FROM tickets ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var n int
		var lastAt int64
		for rows.Next() {
			var id, at int64
			if err := rows.Scan(&id, &at); err != nil {
				t.Fatal(err)
			}
			if at < lastAt {
				t.Errorf("ticket %d opened %v, before the one numbered before it (%v)", id, time.Unix(at, 0), time.Unix(lastAt, 0))
			}
			lastAt = at
			n++
		}
		if n != 5 {
			t.Fatalf("%d demo tickets", n)
		}
	})
}
