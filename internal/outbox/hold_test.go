package outbox

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/testutil"
)

// TestHoldQueued: a restore holds every mail still waiting for the queue, of every
// tenant (also one a worker was sending when the backup read it), and no worker takes
// it; a mail already out is left alone. The outbox sees the hold, "Send now" (Retry)
// lets one go, ReleaseHeld the rest; a held mail whose ticket is deleted is cancelled,
// its job done.
func TestHoldQueued(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		a, b := twoTenants(t, d, now)
		queue := func(tenantID int64, to string) Mail {
			m, err := Get(ctx, d, tenantID, queueTo(t, d, tenantID, to, now), true)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		waiting, sending, sent, other := queue(a.ID, "w@x.test"), queue(a.ID, "s@x.test"), queue(a.ID, "o@x.test"), queue(b.ID, "b@x.test")
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := d.Exec(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		exec(`UPDATE jobs SET state = 'running', attempts = 1 WHERE ref_id = ?`, sending.ID)
		exec(`UPDATE jobs SET state = 'done' WHERE ref_id = ?`, sent.ID)
		exec(`UPDATE mails SET state = 'sent' WHERE id = ?`, sent.ID)

		if n, err := HoldQueued(ctx, d); err != nil || n != 3 {
			t.Fatalf("held %d mails (%v), want 3", n, err)
		}
		if j, ok, err := jobs.Claim(ctx, d, "w", now.Add(time.Hour), time.Minute); err != nil || ok {
			t.Fatalf("a worker took job %+v (%v)", j, err)
		}
		tries, err := Deliveries(ctx, d, a.ID, []Mail{waiting, sending, sent})
		if err != nil {
			t.Fatal(err)
		}
		if !tries[waiting.ID].Held || !tries[sending.ID].Held || tries[sending.ID].Running || tries[sent.ID].Held {
			t.Errorf("deliveries %+v", tries)
		}

		if err := Retry(ctx, d, a.ID, waiting.ID, now); err != nil {
			t.Fatal(err)
		}
		j, ok, err := jobs.Claim(ctx, d, "w", now, time.Minute)
		if err != nil || !ok || j.RefID != waiting.ID {
			t.Fatalf("after Send now: claimed %+v %v %v, want the mail's job", j, ok, err)
		}
		if n, err := CancelTo(ctx, d, b.ID, []string{"b@x.test"}, now); err != nil || n != 1 {
			t.Fatalf("cancelled %d (%v)", n, err)
		}
		var state string
		if err := d.QueryRow(ctx, `SELECT state FROM jobs WHERE ref_id = ?`, other.ID).Scan(&state); err != nil || state != jobs.StateDone {
			t.Errorf("job of the cancelled held mail: %q %v, want done", state, err)
		}
		if n, err := ReleaseHeld(ctx, d, now); err != nil || n != 1 {
			t.Fatalf("released %d (%v), want the one still held", n, err)
		}
		j, ok, err = jobs.Claim(ctx, d, "w", now, time.Minute)
		if err != nil || !ok || j.RefID != sending.ID || j.Attempts != 2 {
			t.Fatalf("after the release: claimed %+v %v %v, want the mail that was being sent", j, ok, err)
		}
	})
}
