package demo_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDemoAutomation: the demo closes after a week and reminds after five days; its
// resolved ticket closes and its waiting ticket is reminded in a few days, not at the
// first pass after loading, which changes nothing.
func TestDemoAutomation(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten := loadDemo(t, d)
		if a, err := ticket.AutomationOf(ctx, d, ten.ID); err != nil || a != (ticket.Automation{CloseDays: 7, RemindDays: 5, ResolveDays: 5}) {
			t.Fatalf("settings: %+v %v", a, err)
		}
		steps := map[string]int{}
		for _, code := range []string{ticket.CodeResolved, ticket.CodeWaiting} {
			st, err := ticket.StatusByCode(ctx, d, ten.ID, code)
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{StatusID: st.ID})
			if err != nil || len(list) != 1 {
				t.Fatalf("%s demo tickets: %d %v", code, len(list), err)
			}
			tk, err := ticket.ForStaff(ctx, d, ten.ID, list[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ticket.PlanOf(ctx, d, tk)
			if err != nil || !p.At.After(now) || p.At.After(now.AddDate(0, 0, 7)) {
				t.Errorf("%s demo ticket: %+v %v, want a step within the week", code, p, err)
			}
			steps[p.Step]++
		}
		if steps[ticket.StepClose] != 1 || steps[ticket.StepRemind] != 1 {
			t.Errorf("steps: %v", steps)
		}
		if sw, err := ticket.Automate(ctx, d, now, func(tenant.Tenant) string { return "" }); err != nil || sw != (ticket.Swept{}) {
			t.Errorf("first pass: %+v %v", sw, err)
		}
	})
}
