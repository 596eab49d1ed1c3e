package report_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/principal"
	"pforte/internal/report"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
)

// BenchmarkCompanyReport measures the portal's company report (report.CompanyFor) for
// the main contact of the company with most tickets, over the last 30 days and the
// last 365, and its CSV export's reads, on BenchmarkReport's data (PFORTE_BENCH_DATA, PFORTE_BENCH_DATABASE_URL,
// PFORTE_BENCH_TICKETS as there). PFORTE_BENCH_EXPLAIN=1 logs the query's plan.
//
//	go test ./internal/report -run xxx -bench CompanyReport -benchtime 20x
func BenchmarkCompanyReport(b *testing.B) {
	ctx := context.Background()
	for _, e := range benchdb.Engines(b) {
		d, ten := benchData(b, e)
		p := principal.Contact{TenantID: ten.ID, Role: principal.RoleMain}
		var total int
		if err := d.QueryRow(ctx, `SELECT company_id, COUNT(*) FROM tickets WHERE tenant_id = ?
			GROUP BY company_id ORDER BY COUNT(*) DESC LIMIT 1`, ten.ID).Scan(&p.CompanyID, &total); err != nil {
			b.Fatal(err)
		}
		now := time.Now()
		for _, days := range []int{30, 365} {
			name := map[int]string{30: "30-days", 365: "365-days"}[days]
			today := time.Date(now.In(ten.Location()).Year(), now.In(ten.Location()).Month(), now.In(ten.Location()).Day(), 0, 0, 0, 0, ten.Location())
			period := report.Period{First: today.AddDate(0, 0, 1-days), Last: today, Zone: ten.Location()}
			if benchdb.Explain() {
				x := &testutil.Explainer{DB: d}
				f, err := report.CompanyFor(ctx, x, p, period, now)
				b.Logf("%s %s: company %d (%d tickets): %d opened, %v\n%s", e, name, p.CompanyID, total, f.Opened, err, x.Plans.String())
			}
			if benchdb.Explain() {
				x := &testutil.Explainer{DB: d}
				n := 0
				err := report.ExportCompany(ctx, x, p, period, func(report.Row) error { n++; return nil })
				b.Logf("%s %s export: %d tickets, %v\n%s", e, name, n, err, x.Plans.String())
			}
			b.Run(string(e)+"/"+name+"/export", func(b *testing.B) {
				for b.Loop() {
					if err := report.ExportCompany(ctx, d, p, period, func(report.Row) error { return nil }); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(string(e)+"/"+name, func(b *testing.B) {
				cpu := cpuTime()
				for b.Loop() {
					if _, err := report.CompanyFor(ctx, d, p, period, now); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
