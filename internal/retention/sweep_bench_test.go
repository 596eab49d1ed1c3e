package retention_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/retention"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// BenchmarkSweepOldAudit measures a pass over a tenant whose audit log holds many
// entries past their time: 100,000 by default (PFORTE_BENCH_AUDIT to change it, e.g.
// 1000000 for the first pass after an upgrade), beside 10,000 younger ones that stay.
// Each iteration refills the log with the timer stopped, so ns/op is one pass. While the
// pass runs, another goroutine writes an audit entry every few milliseconds, as sign-ins
// would: max-write-ms is the longest such write waited (the pass holds the SQLite writer
// one batch at a time, not for the whole delete), rows/s how fast the entries go.
// PFORTE_BENCH_EXPLAIN=1 logs the delete's plan (run with -v).
func BenchmarkSweepOldAudit(b *testing.B) {
	n := 100000
	if s := os.Getenv("PFORTE_BENCH_AUDIT"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	now := time.Now()
	for _, e := range testutil.Engines(b) {
		b.Run(string(e), func(b *testing.B) {
			d := testutil.Open(b, e)
			ten, err := tenant.Create(ctx, d, "A", "de", nil, now)
			if err != nil {
				b.Fatal(err)
			}
			sw := retention.Sweeper{DB: d}
			if os.Getenv("PFORTE_BENCH_EXPLAIN") != "" {
				fillAudit(b, d, ten.ID, n, now)
				logDeletePlan(b, d, ten.ID, now)
			}
			var worst time.Duration
			for b.Loop() {
				b.StopTimer()
				if _, err := d.Exec(ctx, `DELETE FROM audit_log WHERE tenant_id = ?`, ten.ID); err != nil {
					b.Fatal(err)
				}
				fillAudit(b, d, ten.ID, n, now)
				stop := make(chan struct{})
				var wg sync.WaitGroup
				var waits []time.Duration
				wg.Go(func() {
					for {
						select {
						case <-stop:
							return
						case <-time.After(5 * time.Millisecond):
						}
						t0 := time.Now()
						if err := audit.Log(ctx, d, ten.ID, "staff:1 anna@a.test", audit.LoginOK, "", "10.0.0.2", time.Now()); err != nil {
							b.Error(err)
							return
						}
						waits = append(waits, time.Since(t0))
					}
				})
				b.StartTimer()
				got, err := sw.Sweep(ctx, now)
				b.StopTimer()
				close(stop)
				wg.Wait()
				if err != nil || got[ten.ID].Audit != n {
					b.Fatalf("pass removed %+v (%v), want %d audit entries", got, err, n)
				}
				if len(waits) > 0 {
					worst = max(worst, slices.Max(waits))
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "max-write-ms")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// fillAudit writes n audit entries three years old, one a second, and 10,000 from the
// last day, in one statement each.
func fillAudit(b *testing.B, d *db.DB, tenantID int64, n int, now time.Time) {
	b.Helper()
	ctx := context.Background()
	for _, p := range []struct {
		n     int
		start int64
	}{{n, now.AddDate(-3, 0, 0).Unix()}, {10000, now.Add(-24 * time.Hour).Unix()}} {
		if _, err := d.Exec(ctx, `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
			INSERT INTO audit_log (tenant_id, contact_id, at, actor, action, target, ip)
			SELECT ?, NULL, CAST(? AS BIGINT) + i, 'staff:1 anna@a.test', ?, '', '10.0.0.1' FROM seq`,
			p.n, tenantID, p.start, audit.LoginOK); err != nil {
			b.Fatal(err)
		}
	}
	if d.Engine() == db.SQLite {
		_, _ = d.Exec(ctx, `ANALYZE`)
	} else {
		_, _ = d.Exec(ctx, `ANALYZE audit_log`)
	}
}

// logDeletePlan logs the plan of one batch of the audit log's delete.
func logDeletePlan(b *testing.B, d *db.DB, tenantID int64, now time.Time) {
	b.Helper()
	prefix := "EXPLAIN QUERY PLAN "
	if d.Engine() == db.Postgres {
		prefix = "EXPLAIN (COSTS OFF) "
	}
	rows, err := d.Query(context.Background(), prefix+`DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log
		WHERE tenant_id = ? AND at < ? ORDER BY at LIMIT ?)`, tenantID, now.AddDate(0, 0, -730).Unix(), 500)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			b.Fatal(err)
		}
		line := vals[len(vals)-1]
		if s, ok := line.([]byte); ok {
			line = string(s)
		}
		b.Logf("%s plan: %v", d.Engine(), line)
	}
}
