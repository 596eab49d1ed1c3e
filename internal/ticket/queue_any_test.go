package ticket_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAnyInTenantIndexed: the back-office queue asks AnyInTenant on every empty first
// page without a filter (admin/ticket_list_empty.go); it must stop at the first entry
// of an index on tenant_id, not walk the tickets, so it costs the same at a million.
func TestAnyInTenantIndexed(t *testing.T) {
	d := testutil.Open(t, db.SQLite)
	ctx := context.Background()
	ten := scaled(t, d, 300, 7)
	for _, c := range []struct {
		name   string
		tenant int64
		want   bool
	}{{"tenant with tickets", ten.ID, true}, {"tenant without", ten.ID + 1000, false}} {
		x := &testutil.Explainer{DB: d}
		got, err := ticket.AnyInTenant(ctx, x, c.tenant)
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v; want %v", c.name, got, err, c.want)
		}
		plan := x.Plans.String()
		if !strings.Contains(plan, "INDEX") || !strings.Contains(plan, "(tenant_id=?)") || strings.Contains(plan, "SCAN t") {
			t.Errorf("%s: the probe does not stop in an index on tenant_id:\n%s", c.name, plan)
		}
	}
}
