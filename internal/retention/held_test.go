package retention_test

import (
	"context"
	"fmt"
	"testing"

	"pforte/internal/db"
	"pforte/internal/retention"
	"pforte/internal/testutil"
)

// TestManyHeldOriginals: more originals than one batch holds are kept for open inbox
// items, all older than one that is due; the pass gets past them and deletes that one
// (it used to stop at a batch of nothing but held ones, every hour again).
func TestManyHeldOriginals(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		held := map[string]bool{}
		for i := range 600 {
			key := fmt.Sprintf("held-%d", i)
			held[key] = true
			w.exec(t, `INSERT INTO inbound_mails (tenant_id, received_at, rcpt, outcome, raw_key) VALUES (?, ?, 'support@a.test', 'inbox', ?)`,
				w.ta, w.ago(300).Unix()+int64(i%7), key)
		}
		due := w.raw(t, w.ta, w.ago(200))
		sw := retention.Sweeper{DB: d, Files: w.files,
			OpenRaw: func(context.Context, db.Querier, int64) (map[string]bool, error) { return held, nil }}
		got, err := sw.Sweep(w.ctx, w.now)
		if err != nil || got[w.ta].InboundRaw != 1 {
			t.Errorf("pass removed %+v (%v), want the one original not held", got, err)
		}
		if w.hasFile(due) {
			t.Errorf("the due original is still there")
		}
		if n := w.count(t, `SELECT COUNT(*) FROM inbound_mails WHERE tenant_id = ? AND raw_key LIKE 'held-%'`, w.ta); n != 600 {
			t.Errorf("%d held originals still named, want 600", n)
		}
	})
}

// TestAuditKeepsWhatErasureReads: address changes and ticket moves stay however old
// (an erasure reads them to find the old address and the moved notes), the contact's
// other changes and sign-ins go; more kept entries than a batch holds, all older than
// the rest, do not stop the pass.
func TestAuditKeepsWhatErasureReads(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		for i := range 600 {
			action, target := "contact_changed", fmt.Sprintf("email a%d@kunde.test → b%d@kunde.test", i, i)
			if i%2 == 1 {
				action, target = "ticket_moved", fmt.Sprintf("#%d · company:1 → company:2 · contact:3 → contact:4", i)
			}
			w.exec(t, `INSERT INTO audit_log (tenant_id, contact_id, at, actor, action, target, ip) VALUES (?, 3, ?, 'staff:1 a@a.test', ?, ?, '')`,
				w.ta, w.ago(900).Unix()+int64(i%5), action, target)
		}
		for _, target := range []string{"first_name: Uwe → Ulf", ""} {
			w.exec(t, `INSERT INTO audit_log (tenant_id, contact_id, at, actor, action, target, ip) VALUES (?, 3, ?, 'contact:3 u@kunde.test', ?, ?, '')`,
				w.ta, w.ago(800).Unix(), map[bool]string{true: "contact_changed", false: "login"}[target != ""], target)
		}
		got, err := (retention.Sweeper{DB: d}).Sweep(w.ctx, w.now)
		if err != nil || got[w.ta].Audit != 2 {
			t.Errorf("pass removed %+v (%v), want the 2 entries not kept", got, err)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action IN ('contact_changed', 'ticket_moved')`, w.ta); n != 600 {
			t.Errorf("%d entries left, want the 600 kept", n)
		}
	})
}
