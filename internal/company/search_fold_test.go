package company_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestSearchFolded: names are found without their accents or with umlauts written out
// ("muller", "mueller" for "Müller"), and the other way round; companies stored before
// are found after RefreshSearch, which writes only outdated rows.
func TestSearchFolded(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, now)
		var muller company.Company
		for _, c := range []company.Company{
			{TenantID: ten.ID, Name: "Müller Haustechnik GmbH", City: "Göttingen"},
			{TenantID: ten.ID, Name: "Mueller & Söhne", CustomerNumber: "K-7"},
			{TenantID: ten.ID, Name: "Café Lumière"},
		} {
			got, err := company.Create(ctx, d, c, now)
			if err != nil {
				t.Fatal(err)
			}
			if muller.ID == 0 {
				muller = got
			}
		}
		names := func(q string) []string {
			t.Helper()
			list, _, err := company.List(ctx, d, ten.ID, company.ListParams{Search: q, Limit: 50})
			if err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
			var out []string
			for _, c := range list {
				out = append(out, c.Name)
			}
			slices.Sort(out)
			return out
		}
		for q, want := range map[string][]string{
			"muller":     {"Müller Haustechnik GmbH"},
			"MULLER":     {"Müller Haustechnik GmbH"},
			"müller":     {"Müller Haustechnik GmbH"},
			"mueller":    {"Mueller & Söhne", "Müller Haustechnik GmbH"},
			"sohne":      {"Mueller & Söhne"},
			"soehne":     {"Mueller & Söhne"},
			"gottingen":  {"Müller Haustechnik GmbH"},
			"cafe lum":   {"Café Lumière"},
			"lumiere":    {"Café Lumière"},
			"mu":         {"Mueller & Söhne", "Müller Haustechnik GmbH"}, // short: no index
			"haustechni": {"Müller Haustechnik GmbH"},
			"zzz":        nil,
		} {
			if got := names(q); !slices.Equal(got, want) {
				t.Errorf("%q: %v, want %v", q, got, want)
			}
		}
		if n, err := company.RefreshSearch(ctx, d); err != nil || n != 0 {
			t.Fatalf("fresh companies refreshed: %d, %v", n, err)
		}
		if _, err := d.Exec(ctx, `UPDATE companies SET search = 'müller haustechnik gmbh   göttingen ' WHERE id = ?`, muller.ID); err != nil {
			t.Fatal(err)
		}
		if got := names("muller"); got != nil {
			t.Fatalf("outdated text found: %v", got)
		}
		// This version was done at the first run: a start reads and writes nothing.
		if n, err := company.RefreshSearch(ctx, d); err != nil || n != 0 {
			t.Fatalf("done version refreshed again: %d, %v", n, err)
		}
		// A database from before the release has not done it.
		if _, err := d.Exec(ctx, `DELETE FROM search_refreshed`); err != nil {
			t.Fatal(err)
		}
		if n, err := company.RefreshSearch(ctx, d); err != nil || n != 1 {
			t.Fatalf("refreshed %d, %v; want 1", n, err)
		}
		if got := names("muller"); !slices.Equal(got, []string{"Müller Haustechnik GmbH"}) {
			t.Errorf("after refresh: %v", got)
		}
	})
}
