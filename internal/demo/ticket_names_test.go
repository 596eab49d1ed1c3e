package demo_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestDemoCategoryNames: the demo's categories have English names, so `serve --demo`
// shows a contact reading English "Network" where a German one reads "Netzwerk".
func TestDemoCategoryNames(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := loadDemo(t, d)
		cats, err := ticket.Categories(ctx, d, ten.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		n, err := ticket.LoadNames(ctx, d, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, c := range cats {
			got[c.Name] = n.Category("en", c.ID, c.Name)
			if de := n.Category("de", c.ID, c.Name); de != c.Name {
				t.Errorf("German name of %s: %q", c.Name, de)
			}
		}
		if got["Netzwerk"] != "Network" || got["Rechnung"] != "Billing" || got["Hardware"] != "Hardware" {
			t.Errorf("English demo categories: %v", got)
		}
	})
}
