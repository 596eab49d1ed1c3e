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

// TestArchive: archiving and restoring switch the state once (a second time is
// ErrArchived or ErrNotArchived, another tenant's company db.ErrNotFound), lists and
// domain lookups follow the state, and the domain stays taken while archived.
func TestArchive(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		ten, _ := tenant.Create(ctx, d, "T", "de", nil, now)
		other, _ := tenant.Create(ctx, d, "O", "de", nil, now)
		a, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Alt AG", EmailDomains: "alt.test"}, now)
		if err != nil {
			t.Fatal(err)
		}
		company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Neu AG"}, now)
		if err := company.Archive(ctx, d, other.ID, a.ID, 0, now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("archive another tenant's company: %v", err)
		}
		if err := company.Restore(ctx, d, ten.ID, a.ID); !errors.Is(err, company.ErrNotArchived) {
			t.Errorf("restore a live company: %v", err)
		}
		if err := company.Archive(ctx, d, ten.ID, a.ID, 0, now); err != nil {
			t.Fatal(err)
		}
		if err := company.Archive(ctx, d, ten.ID, a.ID, 0, now); !errors.Is(err, company.ErrArchived) {
			t.Errorf("archive twice: %v", err)
		}
		names := func(state string) (out []string) {
			list, _, err := company.List(ctx, d, ten.ID, company.ListParams{State: state, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range list {
				out = append(out, c.Name)
			}
			return out
		}
		if got := names(company.Live); len(got) != 1 || got[0] != "Neu AG" {
			t.Errorf("live list: %v", got)
		}
		if got := names(company.Archived); len(got) != 1 || got[0] != "Alt AG" {
			t.Errorf("archived list: %v", got)
		}
		if got := names(company.AnyState); len(got) != 2 {
			t.Errorf("list of both: %v", got)
		}
		if c, _ := company.Get(ctx, d, ten.ID, a.ID); !c.Archived() {
			t.Errorf("Get does not say archived")
		}
		if _, err := company.LiveByDomain(ctx, d, ten.ID, "alt.test"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("archived company found by its domain: %v", err)
		}
		if _, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Dritte", EmailDomains: "alt.test"}, now); err == nil {
			t.Errorf("an archived company's domain was given to another")
		}
		if err := company.Restore(ctx, d, ten.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if c, err := company.LiveByDomain(ctx, d, ten.ID, "alt.test"); err != nil || c.ID != a.ID {
			t.Errorf("restored company by domain: %v", err)
		}
		if info, _ := company.GetArchive(ctx, d, ten.ID, a.ID); !info.At.IsZero() {
			t.Errorf("restored company still has an archive date")
		}
	})
}
