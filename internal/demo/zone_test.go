package demo_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestDemoTimeZone: the demo's German provider shows Berlin time, like a real new
// tenant.
func TestDemoTimeZone(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, d, time.Now()); err != nil {
			t.Fatal(err)
		}
		ten, err := tenant.Default(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if ten.TimeZone != "Europe/Berlin" || ten.Location().String() != "Europe/Berlin" {
			t.Errorf("demo tenant in %q", ten.TimeZone)
		}
	})
}
