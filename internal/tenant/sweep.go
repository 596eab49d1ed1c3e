package tenant

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// Sweep is one pass of a periodic job over items of any tenants (due follow-ups,
// download notices): each item is done in a transaction of its own, so one that fails
// undoes none of the others, and every instance may run the pass at once — do claims
// its item inside the transaction and reports whether it acted (false: another pass
// took it first). Each tenant is read once per pass. Sweep returns how many items do
// acted on and the errors of the others, each named by what(item); it stops early
// only when ctx ends.
func Sweep[T any](ctx context.Context, d *db.DB, items []T, tenantOf func(T) int64, what func(T) string,
	do func(ctx context.Context, tx *db.Tx, ten Tenant, item T) (bool, error)) (int, error) {
	tenants := map[int64]Tenant{}
	var errs []error
	acted := 0
	for _, item := range items {
		if ctx.Err() != nil {
			return acted, errors.Join(append(errs, ctx.Err())...)
		}
		id := tenantOf(item)
		ten, ok := tenants[id]
		if !ok {
			var err error
			if ten, err = Get(ctx, d, id); err != nil {
				errs = append(errs, fmt.Errorf("%s: tenant %d: %w", what(item), id, err))
				continue
			}
			tenants[id] = ten
		}
		took := false
		err := d.InTx(ctx, func(tx *db.Tx) (err error) {
			took, err = do(ctx, tx, ten, item)
			return err
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", what(item), err))
		} else if took {
			acted++
		}
	}
	return acted, errors.Join(errs...)
}
