package demo_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDemoTickets: the demo's main contact sees her company's tickets in several
// states, the plain user only his own, and neither sees staff's internal note.
func TestDemoTickets(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := loadDemo(t, d)
		as := func(email string) principal.Contact {
			c, err := contact.ByEmail(ctx, d, ten.ID, email)
			if err != nil {
				t.Fatal(err)
			}
			ms, _ := contact.MembershipsOfContact(ctx, d, ten.ID, c.ID)
			return principal.Contact{TenantID: ten.ID, ContactID: c.ID, CompanyID: ms[0].CompanyID, Role: ms[0].Role}
		}
		anna, jonas := as("anna@mueller-haustechnik.de"), as("jonas@mueller-haustechnik.de")
		all, _, err := ticket.ListForContact(ctx, d, anna, ticket.Filter{State: "all"})
		if err != nil || len(all) != 4 {
			t.Fatalf("main contact sees %d tickets: %v", len(all), err)
		}
		kinds := map[string]bool{}
		for _, tk := range all {
			kinds[tk.Status.Kind] = true
		}
		if len(kinds) < 3 {
			t.Errorf("demo tickets in too few states: %v", kinds)
		}
		own, _, _ := ticket.ListForContact(ctx, d, jonas, ticket.Filter{State: "all"})
		if len(own) != 1 || !strings.Contains(own[0].Title, "VPN") {
			t.Fatalf("user sees %d tickets", len(own))
		}
		det, err := ticket.Load(ctx, d, own[0], false)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range det.Messages {
			if m.Internal || strings.Contains(m.Body, "firewall") {
				t.Fatal("internal note in the contact's view")
			}
		}
	})
}
