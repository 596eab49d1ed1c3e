package report_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/report"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestExportTimeBatches: the time export reads batch after batch, in day order, and
// neither skips nor repeats an entry, also where one day's entries straddle a batch's
// end; entries outside the period or of another tenant are not in it; the sums per
// company match.
func TestExportTimeBatches(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		berlin, _ := time.LoadLocation("Europe/Berlin")
		var ids [2]int64
		var tks [2]ticket.Ticket
		for i, name := range []string{"Service GmbH", "Other GmbH"} {
			ten, err := tenant.Create(ctx, d, name, "de", tenant.Modules, now)
			if err != nil {
				t.Fatal(err)
			}
			co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Acme " + name}, now)
			if err != nil {
				t.Fatal(err)
			}
			tid, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, Author: "C", Title: "T", Body: "B"}, now)
			if err != nil {
				t.Fatal(err)
			}
			ids[i] = ten.ID
			if tks[i], err = ticket.ForStaff(ctx, d, ten.ID, tid); err != nil {
				t.Fatal(err)
			}
		}
		n := 2*report.ExportBatch + 5
		err := d.InTx(ctx, func(tx *db.Tx) error {
			for i := range n {
				day := fmt.Sprintf("2026-03-%02d", 2+i/700) // 700 a day: days straddle the batches
				if _, err := ticket.AddTime(ctx, tx, tks[0], 1, ticket.TimeInput{Date: day, Minutes: 1 + i%2, Billable: i%2 == 0}, now); err != nil {
					return err
				}
			}
			for _, e := range []struct {
				tk  ticket.Ticket
				day string
			}{{tks[0], "2026-03-01"}, {tks[0], "2026-04-01"}, {tks[1], "2026-03-03"}} {
				if _, err := ticket.AddTime(ctx, tx, e.tk, 1, ticket.TimeInput{Date: e.day, Minutes: 100}, now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		p, errs := report.ParsePeriod("2026-03-02", "2026-03-31", berlin)
		if errs.Any() {
			t.Fatal(errs)
		}
		seen, last, minutes := map[int64]bool{}, "", 0
		err = report.ExportTime(ctx, d, ids[0], p, func(r report.TimeRow) error {
			if seen[r.ID] || r.Date < last {
				return fmt.Errorf("entry %d repeated or out of order (%s after %s)", r.ID, r.Date, last)
			}
			seen[r.ID], last = true, r.Date
			minutes += r.Minutes
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		wantMinutes := n + n/2 // half of them 2 minutes
		if len(seen) != n || minutes != wantMinutes {
			t.Errorf("exported %d entries, %d minutes; want %d, %d", len(seen), minutes, n, wantMinutes)
		}
		sums, err := report.TimeByCompany(ctx, d, ids[0], p)
		if err != nil {
			t.Fatal(err)
		}
		if len(sums) != 1 || sums[0].Minutes != wantMinutes || sums[0].Billable != (n+1)/2 {
			t.Errorf("sums %+v, want %d minutes, %d billable", sums, wantMinutes, (n+1)/2)
		}
	})
}
