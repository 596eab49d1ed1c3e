package report_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/report"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// BenchmarkTimeReport measures the report's time per company (report.TimeByCompany)
// for 30 and 365 days, and the CSV export of 30 days' entries (report.ExportTime), on
// a year of time entries of one tenant: 200,000 by default (550 a day over 50
// companies), PFORTE_BENCH_TIME_ENTRIES to change it, with another tenant's as many
// beside them. PFORTE_BENCH_EXPLAIN=1 logs each query's plan (run with -v).
func BenchmarkTimeReport(b *testing.B) {
	ctx := context.Background()
	n := 200000
	if s := os.Getenv("PFORTE_BENCH_TIME_ENTRIES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for _, e := range testutil.Engines(b) {
		d := testutil.Open(b, e)
		var ten tenant.Tenant
		for i := range 2 { // the second tenant's entries lie beside them in the index
			t := seedTime(b, d, n, strconv.Itoa(i))
			if i == 0 {
				ten = t
			}
		}
		loc := ten.Location()
		last := time.Date(2026, 12, 31, 0, 0, 0, 0, loc)
		for _, days := range []int{30, 365} {
			p := report.Period{First: last.AddDate(0, 0, 1-days), Last: last, Zone: loc}
			if os.Getenv("PFORTE_BENCH_EXPLAIN") == "1" {
				x := &testutil.Explainer{DB: d}
				_, err := report.TimeByCompany(ctx, x, ten.ID, p)
				b.Logf("%s %d days: %v\n%s", e, days, err, x.Plans.String())
			}
			b.Run(string(e)+"/companies-"+strconv.Itoa(days)+"-days", func(b *testing.B) {
				for b.Loop() {
					if _, err := report.TimeByCompany(ctx, d, ten.ID, p); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		p := report.Period{First: last.AddDate(0, 0, -29), Last: last, Zone: loc}
		b.Run(string(e)+"/export-30-days", func(b *testing.B) {
			for b.Loop() {
				rows := 0
				if err := report.ExportTime(ctx, d, ten.ID, p, func(report.TimeRow) error { rows++; return nil }); err != nil || rows == 0 {
					b.Fatal(rows, err)
				}
			}
		})
	}
}

// seedTime makes a tenant with 50 companies, a ticket each, and about n time entries
// spread over the days of 2026.
func seedTime(b *testing.B, d *db.DB, n int, name string) tenant.Tenant {
	b.Helper()
	ctx, now := context.Background(), time.Now()
	ten, err := tenant.Create(ctx, d, "Service "+name, "de", tenant.Modules, now)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 50 {
		co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Company " + strconv.Itoa(i)}, now)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, Author: "C", Title: "T", Body: "B"}, now); err != nil {
			b.Fatal(err)
		}
	}
	perDay := max(1, n/365/50)
	err = d.InTx(ctx, func(tx *db.Tx) error {
		for day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == 2026; day = day.AddDate(0, 0, 1) {
			if _, err := tx.Exec(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
				INSERT INTO ticket_time (tenant_id, ticket_id, company_id, staff_id, work_date, minutes, billable, note, created_at, updated_at)
				SELECT t.tenant_id, t.id, t.company_id, 1, ?, 15 + n.i, n.i % 2 = 0, 'work', 0, 0 FROM n JOIN tickets t ON t.tenant_id = ?`,
				perDay, day.Format("2006-01-02"), ten.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return ten
}
