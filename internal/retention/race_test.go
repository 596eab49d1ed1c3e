package retention_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/retention"
	"pforte/internal/testutil"
)

// afterFirstRead is a db.Querier that runs hook once, after the first row it read and
// before the next: a pass of the retention rules committing between Retry's look at
// the mail and its writes, as it can on PostgreSQL, where Retry's transaction does not
// hold the writer.
type afterFirstRead struct {
	*db.DB
	reads int
	hook  func()
}

func (a *afterFirstRead) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if a.reads++; a.reads == 2 {
		a.hook()
	}
	return a.DB.QueryRow(ctx, q, args...)
}

// TestRetryRacesPurge: a failed mail past its time that an admin retries while a pass
// empties it is not queued again with no content: Retry says it is purged, the mail
// stays failed and its job is not due again.
func TestRetryRacesPurge(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		id, _ := w.sentMail(t, w.ta, "gone@kunde.test", w.ago(400))
		if _, err := d.Exec(w.ctx, `UPDATE mails SET state = 'failed' WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(w.ctx, `UPDATE jobs SET state = 'failed' WHERE ref_id = ? AND kind = ?`, id, outbox.JobKind); err != nil {
			t.Fatal(err)
		}
		q := &afterFirstRead{DB: d, hook: func() {
			if _, err := (retention.Sweeper{DB: d, Files: w.files}).Sweep(w.ctx, w.now); err != nil {
				t.Fatal(err)
			}
		}}
		if err := outbox.Retry(w.ctx, q, w.ta, id, w.now); !errors.Is(err, outbox.ErrPurged) {
			t.Errorf("retry while a pass empties the mail: %v, want ErrPurged", err)
		}
		m, err := outbox.Get(w.ctx, d, w.ta, id, true)
		if err != nil {
			t.Fatal(err)
		}
		if m.State != "failed" || m.Purged.IsZero() || m.Text != "" {
			t.Errorf("mail after the race: state %q, purged %v, text %q", m.State, m.Purged, m.Text)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM jobs WHERE ref_id = ? AND kind = ? AND state = ?`, id, outbox.JobKind,
			jobs.StatePending); n != 0 {
			t.Errorf("%d delivery jobs of the emptied mail due again", n)
		}
	})
}

// countingSender counts what it was asked to send.
type countingSender struct{ sent int }

func (c *countingSender) Send(context.Context, mail.Message) (string, error) {
	c.sent++
	return "smtp", nil
}

// TestDeliverSkipsPurged: a mail that is queued although the rules emptied it (queued
// again by an older release's retry, or by hand) is not sent empty: it is marked failed.
func TestDeliverSkipsPurged(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		id, _ := w.sentMail(t, w.ta, "gone@kunde.test", w.ago(400))
		if _, err := (retention.Sweeper{DB: d, Files: w.files}).Sweep(w.ctx, w.now); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(w.ctx, `UPDATE mails SET state = 'queued' WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		s := &countingSender{}
		dl := &outbox.Deliverer{DB: d, Now: func() time.Time { return w.now },
			Route: func(context.Context, int64) (mail.Sender, string, error) { return s, "portal@a.test", nil }}
		if err := dl.Deliver(w.ctx, jobs.Job{TenantID: w.ta, Kind: outbox.JobKind, RefID: id, Attempts: 1}); err != nil {
			t.Fatal(err)
		}
		m, err := outbox.Get(w.ctx, d, w.ta, id, true)
		if err != nil {
			t.Fatal(err)
		}
		if s.sent != 0 || m.State != "failed" {
			t.Errorf("emptied mail: sent %d times, state %q; want not sent, failed", s.sent, m.State)
		}
	})
}
