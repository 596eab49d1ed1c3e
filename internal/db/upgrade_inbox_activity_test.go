package db_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeInboxActivity: migration 77 gives each inbox item its arrival as its last
// activity, and a mail item an answer joined that answer's arrival (its payload's
// "received"; not an earlier turn's). Its Down leaves the table as it was.
func TestUpgradeInboxActivity(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := upgraded(t, e, 76, `INSERT INTO tenants (id, name, created_at) VALUES (1, 'Alt', 1)`,
			`INSERT INTO inbox_items (id, tenant_id, kind, title, payload, created_at) VALUES
				(1, 1, 'registration', 'r', '{"received":900}', 100),
				(2, 1, 'mail', 'joined', '{"subject":"x","received":500,"earlier":[{"received":200}]}', 200),
				(3, 1, 'mail', 'plain', '{"subject":"y"}', 300),
				(4, 1, 'mail', 'turn only', '{"earlier":[{"received":900}]}', 400)`)
		want := map[int64]int64{1: 100, 2: 500, 3: 300, 4: 400}
		rows, err := d.Query(ctx, `SELECT id, active_at FROM inbox_items ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var id, at int64
			if err := rows.Scan(&id, &at); err != nil {
				t.Fatal(err)
			}
			if at != want[id] {
				t.Errorf("item %d: active at %d, want %d", id, at, want[id])
			}
			n++
		}
		if n != len(want) {
			t.Errorf("%d items", n)
		}
		rows.Close()
		runDown(t, d, e, "00077_inbox_activity")
		if _, err := d.Exec(ctx, `INSERT INTO inbox_items (id, tenant_id, kind, title, created_at) VALUES (5, 1, 'mail', 'x', 1)`); err != nil {
			t.Errorf("after down: %v", err)
		}
	})
}
