package outbox

import (
	"context"
	"errors"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/mail"
	"pforte/internal/testutil"
)

// TestDiscardHeld: "Don't send" ends a held mail's job and marks the mail discarded, in
// the tenant only; it is never sent afterwards (the job is done, a stale delivery does
// nothing, Retry refuses it), and a mail that is not held is left alone. DiscardHeld
// takes the tenant's other held mails, a batch at a time, and no other tenant's.
func TestDiscardHeld(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		a, b := twoTenants(t, d, now)
		queue := func(tenantID int64, to string) int64 { return queueTo(t, d, tenantID, to, now) }
		one, two, three, other := queue(a.ID, "1@x.test"), queue(a.ID, "2@x.test"), queue(a.ID, "3@x.test"), queue(b.ID, "b@x.test")
		if _, err := HoldQueued(ctx, d); err != nil {
			t.Fatal(err)
		}
		fresh := queue(a.ID, "new@x.test") // queued after the restore: not held
		state := func(q string, id int64) string {
			t.Helper()
			var s string
			if err := d.QueryRow(ctx, q, id).Scan(&s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		mailState := func(id int64) string { return state(`SELECT state FROM mails WHERE id = ?`, id) }
		jobState := func(id int64) string { return state(`SELECT state FROM jobs WHERE ref_id = ?`, id) }

		if _, err := Discard(ctx, d, b.ID, one, now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another tenant discarded the mail: %v", err)
		}
		m, err := Discard(ctx, d, a.ID, one, now)
		if err != nil || m.To != "1@x.test" {
			t.Fatalf("discard: %+v %v", m, err)
		}
		if s, j := mailState(one), jobState(one); s != StateDiscarded || j != jobs.StateDone {
			t.Errorf("after Don't send: mail %q, job %q", s, j)
		}
		if _, err := Discard(ctx, d, a.ID, one, now); !errors.Is(err, ErrNotHeld) {
			t.Errorf("discarded twice: %v", err)
		}
		if _, err := Discard(ctx, d, a.ID, fresh, now); !errors.Is(err, ErrNotHeld) || mailState(fresh) != "queued" {
			t.Errorf("a mail not held was discarded: %v", err)
		}
		if err := Retry(ctx, d, a.ID, one, now); !errors.Is(err, ErrDiscarded) {
			t.Errorf("retry of a discarded mail: %v", err)
		}
		if jobState(one) != jobs.StateDone {
			t.Errorf("the retry re-queued the discarded mail")
		}
		// A "Send now" that read the mail as queued just before "Don't send" committed
		// (PostgreSQL) does not put it back in the queue.
		if err := requeue(ctx, d, a.ID, one); !errors.Is(err, ErrDiscarded) || mailState(one) != StateDiscarded {
			t.Errorf("a late Send now: %v, mail %q", err, mailState(one))
		}
		// A delivery that still had the job (a worker's stale claim) sends nothing.
		sent := 0
		dl := &Deliverer{DB: d, Now: time.Now, Route: func(context.Context, int64) (mail.Sender, string, error) {
			sent++
			return nil, "", errors.New("no sender in this test")
		}}
		if err := dl.Deliver(ctx, jobs.Job{TenantID: a.ID, RefID: one, Kind: JobKind}); err != nil || sent != 0 {
			t.Errorf("delivery of a discarded mail: %v, %d sends", err, sent)
		}
		if tries, err := Deliveries(ctx, d, a.ID, []Mail{m, {ID: one, State: StateDiscarded}}); err != nil || len(tries) != 0 {
			t.Errorf("deliveries of a discarded mail: %+v %v", tries, err)
		}

		if ids, err := HeldIDs(ctx, d, a.ID, 0, 10); err != nil || len(ids) != 2 || ids[0] != two || ids[1] != three {
			t.Fatalf("held ids %v %v, want [%d %d]", ids, err, two, three)
		}
		if n, err := HeldCount(ctx, d, a.ID); err != nil || n != 2 {
			t.Fatalf("held count %d %v, want 2", n, err)
		}
		// A batch at a time: the first ends at the batch's last mail, the next goes on
		// after it and says none is left.
		gone, after, err := DiscardHeld(ctx, d, a.ID, 0, 1, now)
		if err != nil || len(gone) != 1 || gone[0].To != "2@x.test" || after != two {
			t.Fatalf("first batch: %+v %d %v", gone, after, err)
		}
		gone, after, err = DiscardHeld(ctx, d, a.ID, after, 1, now)
		if err != nil || len(gone) != 1 || gone[0].To != "3@x.test" || after != three {
			t.Fatalf("second batch: %+v %d %v", gone, after, err)
		}
		if gone, after, err = DiscardHeld(ctx, d, a.ID, after, 1, now); err != nil || len(gone) != 0 || after != 0 {
			t.Fatalf("last batch: %+v %d %v", gone, after, err)
		}
		if mailState(two) != StateDiscarded || mailState(three) != StateDiscarded || mailState(fresh) != "queued" {
			t.Errorf("after Don't send any: %q %q %q", mailState(two), mailState(three), mailState(fresh))
		}
		if mailState(other) != "queued" || jobState(other) != jobs.StateHeld {
			t.Errorf("tenant B's held mail changed: %q, job %q", mailState(other), jobState(other))
		}
		if gone, after, err := DiscardHeld(ctx, d, a.ID, 0, 10, now); err != nil || len(gone) != 0 || after != 0 {
			t.Errorf("discard all again: %+v %d %v", gone, after, err)
		}
		if n, err := jobs.Held(ctx, d); err != nil || n != 1 {
			t.Errorf("held jobs %d (%v), want tenant B's one", n, err)
		}
	})
}
