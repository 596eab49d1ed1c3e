package admin

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// settingsKeptModules is the module list to store from the settings form: the offered
// modules that were ticked, plus the stored switches of modules that have no pages in
// this version. The page does not show those, so saving it must not change them; they
// stay harmless, since nothing reads them until their pages exist.
func settingsKeptModules(ctx context.Context, q db.Querier, tenantID int64, ticked []string) ([]string, error) {
	t, err := tenant.Get(ctx, q, tenantID)
	if err != nil {
		return nil, err
	}
	out := append([]string(nil), ticked...)
	for _, m := range t.Modules {
		if !tenant.ModuleAvailable(m) {
			out = append(out, m)
		}
	}
	return out, nil
}
