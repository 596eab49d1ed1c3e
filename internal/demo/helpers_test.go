package demo_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/tenant"
)

// loadDemo loads the demo data into d and returns the demo tenant.
func loadDemo(t *testing.T, d *db.DB) tenant.Tenant {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Load(ctx, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	return ten
}
