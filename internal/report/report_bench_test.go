package report_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/report"
	"pforte/internal/scale"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
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
	engines := testutil.Engines(b)
	if os.Getenv("PFORTE_BENCH_DATABASE_URL") != "" && !slices.Contains(engines, db.Postgres) {
		engines = append(engines, db.Postgres)
	}
	for _, e := range engines {
		d, ten := benchData(b, e)
		now := time.Now()
		for _, c := range []struct {
			name string
			days int
		}{{"30-days", 30}, {"90-days", 90}, {"365-days", 365}} {
			today := time.Date(now.In(ten.Location()).Year(), now.In(ten.Location()).Month(), now.In(ten.Location()).Day(), 0, 0, 0, 0, ten.Location())
			p := report.Period{First: today.AddDate(0, 0, 1-c.days), Last: today, Zone: ten.Location()}
			if os.Getenv("PFORTE_BENCH_EXPLAIN") == "1" {
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
	ctx := context.Background()
	dir, url := os.Getenv("PFORTE_BENCH_DATA"), os.Getenv("PFORTE_BENCH_DATABASE_URL")
	var d *db.DB
	var err error
	switch {
	case e == db.SQLite && dir != "":
		d, err = db.Open(ctx, "", dir)
	case e == db.Postgres && url != "":
		d, err = db.Open(ctx, url, "")
	default:
		n := 100000
		if s := os.Getenv("PFORTE_BENCH_TICKETS"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		d = testutil.Open(b, e)
		if _, err := demo.Load(ctx, d, time.Now()); err != nil {
			b.Fatal(err)
		}
		ten, err := tenant.Default(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := scale.Run(ctx, d, ten.ID, scale.Options{Tickets: n, Password: "x", Seed: 1}); err != nil {
			b.Fatal(err)
		}
		return d, ten
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	start := time.Now()
	if err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: migrated in %s", e, time.Since(start).Round(time.Millisecond))
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		b.Fatal(err)
	}
	return d, ten
}
