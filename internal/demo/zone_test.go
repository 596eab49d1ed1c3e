package demo_test

import (
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDemoTimeZone: the demo's German provider shows Berlin time, like a real new
// tenant.
func TestDemoTimeZone(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ten := loadDemo(t, d)
		if ten.TimeZone != "Europe/Berlin" || ten.Location().String() != "Europe/Berlin" {
			t.Errorf("demo tenant in %q", ten.TimeZone)
		}
	})
}
