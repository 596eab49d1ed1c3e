package ticket_test

import (
	"context"
	"os"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/testutil/benchdb"
	"pforte/internal/ticket"
)

// BenchmarkStatusKindClock times the save of a status whose kind an admin changes to
// waiting and back while it holds every ticket of the demo tenant (business hours, the
// pause on), as the settings save it, in one transaction: every clock stops, then
// starts again. 100,000 tickets by default, PFORTE_BENCH_TICKETS to change it.
// PFORTE_BENCH_EXPLAIN=1 logs the plans of its reads (run with -v).
func BenchmarkStatusKindClock(b *testing.B) {
	n := benchdb.Tickets()
	ctx := context.Background()
	for _, e := range testutil.Engines(b) {
		d, ten, _, _ := benchData(b, e, n)
		id, err := ticket.SaveStatus(ctx, d, ten.ID, ticket.Status{Name: "Bench", Kind: ticket.KindOpen, Position: 9, Active: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE tickets SET status_id = ?, resolved_at = NULL, sla_paused_at = NULL WHERE tenant_id = ?`, id, ten.ID); err != nil {
			b.Fatal(err)
		}
		st, err := ticket.StatusByID(ctx, d, ten.ID, id)
		if err != nil {
			b.Fatal(err)
		}
		save := func(kind string) time.Duration {
			st.Kind = kind
			start := time.Now()
			var err error
			if os.Getenv("PFORTE_BENCH_EXPLAIN") != "" { // outside a transaction: the plans are read beside it
				x := &testutil.Explainer{DB: d}
				_, err = ticket.SaveStatus(ctx, x, ten.ID, st)
				b.Log(x.Plans.String())
			} else {
				err = d.InTx(ctx, func(tx *db.Tx) error {
					_, err := ticket.SaveStatus(ctx, tx, ten.ID, st)
					return err
				})
			}
			if err != nil {
				b.Fatal(err)
			}
			return time.Since(start)
		}
		// For comparison: an update of every ticket in the status that changes nothing
		// (on PostgreSQL each updated ticket bumps its company's list version).
		touch := func() time.Duration {
			start := time.Now()
			if _, err := d.Exec(ctx, `UPDATE tickets SET sla_counted_before = sla_counted_before WHERE tenant_id = ? AND status_id = ?`, ten.ID, id); err != nil {
				b.Fatal(err)
			}
			return time.Since(start)
		}
		b.Run(string(e), func(b *testing.B) {
			for b.Loop() {
				into, out := save(ticket.KindWaiting), save(ticket.KindOpen)
				b.ReportMetric(float64(into.Milliseconds()), "ms-into-waiting")
				b.ReportMetric(float64(out.Milliseconds()), "ms-out-of-waiting")
				b.ReportMetric(float64(touch().Milliseconds()), "ms-touch-all")
			}
		})
	}
}
