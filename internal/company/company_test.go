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

// TestSearch: both engines find the same companies for the same terms, with the index
// (three or more characters) and without, and follow renames.
func TestSearch(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, now)
		other, _ := tenant.Create(ctx, d, "O", "de", nil, now)
		for _, c := range []company.Company{
			{TenantID: ten.ID, Name: "Müller Haustechnik GmbH", CustomerNumber: "K-100", City: "Stuttgart"},
			{TenantID: ten.ID, Name: "Bäckerei Schneider", CustomerNumber: "K-200", EmailDomains: "baeckerei.de"},
			{TenantID: ten.ID, Name: `Firma "50%_Rabatt"`, CustomerNumber: "K-300"},
			{TenantID: other.ID, Name: "Müller Fremd AG"},
		} {
			if _, err := company.Create(ctx, d, c, now); err != nil {
				t.Fatal(err)
			}
		}
		names := func(q string) []string {
			list, _, err := company.List(ctx, d, ten.ID, company.ListParams{Search: q, Limit: 50})
			if err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
			var out []string
			for _, c := range list {
				out = append(out, c.Name)
			}
			return out
		}
		for q, want := range map[string][]string{
			"müller": {"Müller Haustechnik GmbH"}, "MÜLLER haus": {"Müller Haustechnik GmbH"},
			"k-2": {"Bäckerei Schneider"}, "k-": {"Bäckerei Schneider", `Firma "50%_Rabatt"`, "Müller Haustechnik GmbH"},
			"50%": {`Firma "50%_Rabatt"`}, "%": {`Firma "50%_Rabatt"`}, `"50`: {`Firma "50%_Rabatt"`},
			"_": {`Firma "50%_Rabatt"`}, "stuttgart": {"Müller Haustechnik GmbH"}, "baeckerei.de": {"Bäckerei Schneider"},
			"fremd": nil, "zz": nil, "xyz": nil,
		} {
			if got := names(q); !slices.Equal(got, want) {
				t.Errorf("search %q = %v, want %v", q, got, want)
			}
		}
		list, _, _ := company.List(ctx, d, ten.ID, company.ListParams{Search: "müller", Limit: 1})
		c := list[0]
		c.Name = "Neumann Haustechnik GmbH"
		if err := company.Update(ctx, d, c, now); err != nil {
			t.Fatal(err)
		}
		if got := names("müller"); got != nil {
			t.Errorf("old name still found: %v", got)
		}
		if got := names("neumann"); len(got) != 1 {
			t.Errorf("new name not found: %v", got)
		}
	})
}
