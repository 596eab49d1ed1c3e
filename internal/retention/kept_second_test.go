package retention_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/retention"
	"pforte/internal/testutil"
)

// TestKeptEntriesOfOneSecond: more kept audit entries than a batch, all of one second
// (a bulk move of tickets writes them so), neither stall the pass nor hide the entries
// of that second that are due.
func TestKeptEntriesOfOneSecond(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		old := w.ago(800)
		err := d.InTx(w.ctx, func(tx *db.Tx) error {
			for range 600 { // kept: an erasure reads ticket moves
				if err := audit.Log(w.ctx, tx, w.ta, "staff:1 anna@a.test", audit.TicketMoved, "#1 · contact:3 → contact:8", "", old); err != nil {
					return err
				}
			}
			for range 20 {
				if err := audit.Log(w.ctx, tx, w.ta, "staff:1 anna@a.test", audit.LoginOK, "", "10.0.0.1", old); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(w.ctx, 20*time.Second) // a stalled pass would run until this
		defer cancel()
		got, err := (retention.Sweeper{DB: d, Files: w.files}).Sweep(ctx, w.now)
		if err != nil {
			t.Fatal(err)
		}
		if got[w.ta].Audit != 20 {
			t.Errorf("removed %d audit entries, want the 20 sign-ins", got[w.ta].Audit)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ?`, w.ta, audit.TicketMoved); n != 600 {
			t.Errorf("%d ticket moves kept, want 600", n)
		}
	})
}
