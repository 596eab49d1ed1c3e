package ticket_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/scale"
	"pforte/internal/tenant"
)

// scaled loads the demo tenant into d and adds n tickets from the scale generator
// (with seed, so a test's data is the same on every run and engine): lists big enough
// for several pages, searches and ties.
func scaled(t *testing.T, d *db.DB, n int, seed uint64) tenant.Tenant {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Load(ctx, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: n, Password: "x", Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return ten
}
