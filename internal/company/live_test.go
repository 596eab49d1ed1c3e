package company_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestRequireLive: a live company passes, an archived one is ErrArchived, another
// tenant's db.ErrNotFound; and an Archive that starts while a transaction has checked
// the company waits for that transaction, so whatever it files is in place before the
// archive (and its sessions' end) runs.
func TestRequireLive(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, now)
		other, _ := tenant.Create(ctx, d, "O", "de", nil, now)
		a, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Alt AG"}, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := company.RequireLive(ctx, d, ten.ID, a.ID); err != nil {
			t.Errorf("live company: %v", err)
		}
		if err := company.RequireLive(ctx, d, other.ID, a.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another tenant's company: %v", err)
		}

		archived := make(chan error, 1)
		err = d.InTx(ctx, func(tx *db.Tx) error {
			if err := company.RequireLive(ctx, tx, ten.ID, a.ID); err != nil {
				return err
			}
			go func() { archived <- company.Archive(ctx, d, ten.ID, a.ID, 0, time.Now()) }()
			select {
			case err := <-archived:
				t.Errorf("archive ran while a transaction relied on the company being live: %v", err)
			case <-time.After(300 * time.Millisecond):
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-archived:
			if err != nil {
				t.Fatalf("archive after the transaction: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("archive never ran")
		}
		if err := company.RequireLive(ctx, d, ten.ID, a.ID); !errors.Is(err, company.ErrArchived) {
			t.Errorf("archived company: %v", err)
		}
	})
}
