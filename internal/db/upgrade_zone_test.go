package db_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestUpgradeTimeZone: tenants from before time zones existed come out of migration 24
// in Europe/Berlin, the zone of new tenants (see the migration for why).
func TestUpgradeTimeZone(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		d := upgraded(t, e, 23, `INSERT INTO tenants (name, created_at) VALUES ('Alt', 1)`)
		var zone string
		if err := d.QueryRow(ctx, `SELECT time_zone FROM tenants`).Scan(&zone); err != nil || zone != "Europe/Berlin" {
			t.Errorf("old tenant in %q (%v), want Europe/Berlin", zone, err)
		}
	})
}
