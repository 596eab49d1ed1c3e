package tenant_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestCreateDefaultRace: instances starting together end up with exactly one tenant.
func TestCreateDefaultRace(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		won := 0
		for range 8 {
			wg.Go(func() {
				_, err := tenant.CreateDefault(context.Background(), d, "P", "de", nil, time.Now())
				if err != nil && !errors.Is(err, tenant.ErrDefaultExists) {
					t.Error(err)
				}
				if err == nil {
					mu.Lock()
					won++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		var n int
		d.QueryRow(context.Background(), `SELECT COUNT(*) FROM tenants`).Scan(&n)
		if n != 1 || won != 1 {
			t.Errorf("%d tenants, %d winners", n, won)
		}
	})
}

func TestForHost(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		a, _ := tenant.Create(ctx, d, "A", "de", nil, time.Now())
		if got, err := tenant.ForHost(ctx, d, "anything.example:8080"); err != nil || got.ID != a.ID {
			t.Errorf("single tenant fallback: %v %v", got, err)
		}
		b, _ := tenant.Create(ctx, d, "B", "en", nil, time.Now())
		tenant.AddHost(ctx, d, b.ID, "portal.b.test")
		if got, err := tenant.ForHost(ctx, d, "Portal.B.test.:443"); err != nil || got.ID != b.ID {
			t.Errorf("host match: %v %v", got, err)
		}
		if _, err := tenant.ForHost(ctx, d, "anything.example"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown host with two tenants: %v", err)
		}
	})
}
