package report_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/report"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
)

// BenchmarkReport measures the report page's figures (report.Compute) for the last 30
// and 90 days and the last 365 of the default tenant's tickets made by the scale
// generator (three years of them): 100,000 by default, PFORTE_BENCH_TICKETS to change
// it. PFORTE_BENCH_DATA (an SQLite data directory) or PFORTE_BENCH_DATABASE_URL (a
// PostgreSQL URL) runs it on a database `pforte demo --scale N` filled instead, after
// applying pending migrations as `pforte serve` would. PFORTE_BENCH_EXPLAIN=1 logs
// each query's plan (run with -v); the queries then run one after the other.
func BenchmarkReport(b *testing.B) {
	ctx := context.Background()
	for _, e := range benchdb.Engines(b) {
		d, ten := benchData(b, e)
		now := time.Now()
		for _, c := range []struct {
			name string
			days int
		}{{"30-days", 30}, {"90-days", 90}, {"365-days", 365}} {
			today := time.Date(now.In(ten.Location()).Year(), now.In(ten.Location()).Month(), now.In(ten.Location()).Day(), 0, 0, 0, 0, ten.Location())
			p := report.Period{First: today.AddDate(0, 0, 1-c.days), Last: today, Zone: ten.Location()}
			if benchdb.Explain() {
				x := &testutil.Explainer{DB: d}
				f, err := report.Compute(ctx, x, ten.ID, p, now)
				b.Logf("%s %s: %d opened, %d resolved, %v\n%s", e, c.name, f.Opened, f.Resolved, err, x.Plans.String())
			}
			b.Run(string(e)+"/"+c.name, func(b *testing.B) {
				cpu := cpuTime()
				for b.Loop() {
					if _, err := report.Compute(ctx, d, ten.ID, p, now); err != nil {
						b.Fatal(err)
					}
				}
				// The process's CPU time per report: on a machine shared with other work
				// the wall time above depends on the neighbours, this much less. On
				// PostgreSQL it leaves out the database server's share.
				b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// cpuTime is the CPU time the process used so far, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchData returns a database with generated tickets and its default tenant.
func benchData(b *testing.B, e db.Engine) (*db.DB, tenant.Tenant) {
	return benchdb.Open(b, e, benchdb.Tickets())
}
